using SiteGen.Research;
using System.Diagnostics;
using SiteGen.Configuration;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Rendering;
using SiteGen.Site;

namespace SiteGen.Benchmarks;

/// <summary>
/// The templates alone: every page of a site (listings and report pages, bodies rendered beforehand) through
/// the template engine, on one thread and on every core, a few times, nothing written. The cost of the
/// template engine, apart from Markdown, indexing and disk.
/// </summary>
public static class RenderBenchmark
{
    public static int Run(string[] args)
    {
        var source = Path.GetFullPath(CorpusGenerator.Option(args, "--source") ?? ".");
        var runs = int.Parse(CorpusGenerator.Option(args, "--runs") ?? "3");
        var diagnostics = new DiagnosticBag();
        var config = SiteConfig.Load(source, diagnostics);
        var templates = TemplateSet.Load(source, diagnostics);
        var reports = ContentLoader.Load(source, diagnostics);
        diagnostics.ThrowIfAny();
        var planner = new PagePlanner(config, Archive.Arrange(reports), Findings.Gather(reports, new BodyAnalyses()), config.OfflineZip, "search/index.js");
        var bodies = new RenderedBodies();
        var pages = planner.Plan().Concat(planner.PlanFront(new Download("download/site.zip", "1 MB")))
            .Concat(reports.Select(r => { var body = bodies.Lazily(r); _ = body.Value; return planner.PlanReport(r, body); }))
            .ToList();
        Console.WriteLine($"{pages.Count:N0} pages ({reports.Count:N0} report pages), {runs} runs");
        for (var run = 1; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long chars = 0;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            foreach (var page in pages) chars += templates!.RenderPage(page.Kind, page.Model).Length;
            var one = clock.Elapsed;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            clock.Restart();
            Parallel.ForEach(pages, page => templates!.RenderPage(page.Kind, page.Model));
            var all = clock.Elapsed;
            Console.WriteLine($"  run {run}: one thread {one.TotalSeconds:0.00} s ({one.TotalMicroseconds / pages.Count:0} µs a page), " +
                              $"every core {all.TotalSeconds:0.00} s; {chars / 1048576.0:0.0} M characters, {allocated / 1048576.0:N0} MB allocated on one thread; cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s");
        }
        return 0;
    }
}
