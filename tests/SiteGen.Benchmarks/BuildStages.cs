using System.Diagnostics;
using SiteGen.Build;

namespace SiteGen.Benchmarks;

/// <summary>
/// One build of a source folder with the time each stage took, and the process's peak memory. With
/// --incremental: a build that fills the cache, an edit to one report, and the timed rebuild.
/// --out DIR --cached: a build into DIR that uses the cache as the last build left it, in a fresh process,
/// as the command line's rebuild runs (edit a report first to time a rebuild after an edit).
/// --segments N: documents per segment of the search index, about.
/// --without-research: the same build without the research views, the baseline of what they cost (see <see cref="ResearchCost"/>).
/// Each stage's line and the last give what was allocated and how often the collector ran: counts that a noisy machine
/// does not blur as it blurs times. SITEGEN_ALLOCATIONS=1 adds the types allocated most (<see cref="AllocationSampler"/>).
/// </summary>
public static class BuildStages
{
    public static int Run(string[] args)
    {
        var source = Path.GetFullPath(args.SkipWhile(a => a != "--source").Skip(1).FirstOrDefault() ?? ".");
        var incremental = args.Contains("--incremental");
        var cached = incremental || args.Contains("--cached");
        var kept = CorpusGenerator.Option(args, "--out");
        var output = kept is null ? Path.Combine(Path.GetTempPath(), "sitegen-stages-" + Environment.ProcessId) : Path.GetFullPath(kept);
        var layout = CorpusGenerator.Option(args, "--segments") is { } segments
            ? SiteGen.Search.Format.SearchLayout.Default with { SegmentSize = int.Parse(segments) }
            : SiteGen.Search.Format.SearchLayout.Default;
        Dictionary<string, DateTime>? before = null;
        if (incremental)
        {
            CorpusGenerator.WaitUntilSettled(source);
            var cold = SiteBuilder.Build(new BuildOptions(source, output) { SearchLayout = layout });
            Console.WriteLine($"cold build (the cache filled): {cold.Elapsed.TotalSeconds:0.00} s");
            before = WriteTimes(output);
            var report = Directory.GetFiles(Path.Combine(source, "content", "reports"), "*.md").Order(StringComparer.Ordinal).First();
            File.AppendAllText(report, "\n为计时而编辑。\n");
            Console.WriteLine($"edited {Path.GetFileName(report)}; the rebuild:");
        }
        using var sampler = Environment.GetEnvironmentVariable("SITEGEN_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        var observer = new Timing();
        var result = SiteBuilder.Build(new BuildOptions(source, output) { Observer = observer, SearchLayout = layout, UseCache = cached, ResearchViews = !args.Contains("--without-research") });
        observer.StageStarted("(end)", 0);
        Console.WriteLine($"{result.Reports:N0} reports, {result.Pages:N0} pages, {result.Files:N0} files ({result.Reused:N0} unchanged), " +
                          $"{result.Bytes / 1048576.0:0.0} MB in {result.Elapsed.TotalSeconds:0.00} s, cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");
        // Allocations are counted, not timed: what a change does to the collector's work shows in them on a noisy machine.
        Console.WriteLine($"allocated {GC.GetTotalAllocatedBytes(precise: true) / 1073741824.0:0.00} GB; collections {GC.CollectionCount(0):N0}/{GC.CollectionCount(1):N0}/{GC.CollectionCount(2):N0} " +
                          $"(generations 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s; " +
                          $"compiled {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.00} s");
        if (sampler is not null) foreach (var line in sampler.Top(25)) Console.WriteLine(line);
        if (before is not null) Console.WriteLine(Written(before, WriteTimes(output), output));
        if (kept is null)
        {
            // With the site the build kept beside it for the next build: a temporary output leaves nothing in /tmp.
            Directory.Delete(output, true);
            var previous = SiteGen.Output.PreviousSite.FolderOf(output);
            if (Directory.Exists(previous)) Directory.Delete(previous, true);
        }
        return 0;
    }

    /// <summary>Every file of a site, with when it was written: a file the rebuild reused is the last build's, hard-linked, its time unchanged.</summary>
    private static Dictionary<string, DateTime> WriteTimes(string site) =>
        Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(site, f), File.GetLastWriteTimeUtc);

    /// <summary>How many files the rebuild wrote, of the site and of its search index, and their bytes: what an edit costs a host to upload.</summary>
    private static string Written(Dictionary<string, DateTime> before, Dictionary<string, DateTime> after, string site)
    {
        var written = after.Where(f => !before.TryGetValue(f.Key, out var was) || was != f.Value).Select(f => f.Key).ToList();
        var index = written.Where(f => f.StartsWith("search/")).ToList();
        return $"written by the rebuild: {written.Count:N0} of {after.Count:N0} files; under search/: {index.Count:N0} of {after.Keys.Count(k => k.StartsWith("search/")):N0} files, " +
               $"{index.Sum(f => new FileInfo(Path.Combine(site, f)).Length) / 1024.0:N0} KB";
    }

    private sealed class Timing : IBuildObserver
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _stage;
        private TimeSpan _started, _cpuStarted;
        private long _allocatedStarted;

        public void StageStarted(string stage, int total)
        {
            var seconds = (_clock.Elapsed - _started).TotalSeconds;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            // The managed heap and the working set as the stage ends; with SITEGEN_COLLECT=1, after a full compacting collection (an experiment).
            if (Environment.GetEnvironmentVariable("SITEGEN_COLLECT") == "1") GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var memory = $"heap {GC.GetTotalMemory(false) / 1048576.0,6:0} MB, working set {Environment.WorkingSet / 1048576.0,6:0} MB";
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            // The server collector's dynamic adaptation (DATAS) changes its heap count during a build, and the count can go
            // back with it (a stage read -55 GB at 100,000 reports): DOTNET_GCDynamicAdaptationMode=0 counts steadily.
            var counted = allocated >= _allocatedStarted ? $"{(allocated - _allocatedStarted) / 1048576.0,6:0} MB" : "n/a (the count went back; DOTNET_GCDynamicAdaptationMode=0 counts steadily)";
            Console.WriteLine($"  {_stage ?? "(loading)",-12} {seconds,7:0.00} s, cpu {(cpu - _cpuStarted).TotalSeconds,7:0.00} s   {memory}, allocated {counted}");
            (_stage, _started, _cpuStarted, _allocatedStarted) = (stage, _clock.Elapsed, cpu, allocated);
        }

        public void FileWritten(string path) { }
    }
}
