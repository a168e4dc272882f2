using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace SiteGen.Benchmarks;

/// <summary>
/// SiteGen against Hugo + Pagefind on the same generated reports, in one run: build time and peak memory
/// (cold, and after editing one report), index size, and bytes and time per query in headless Chromium.
/// Installs Hugo and GNU time (apt) and Pagefind 1.6.0 (npm) when they are missing.
/// </summary>
public static class PeerBenchmark
{
    internal static readonly string[] Queries =
        ["行政复议", "双随机", "放管服", "法治政府建设", "政府", "依法行政", "行政执法", "营商环境", "普法", "规范性文件"];

    public static async Task<int> Run(string[] args)
    {
        var sizes = (CorpusGenerator.Option(args, "--sizes") ?? "1000,10000").Split(',').Select(int.Parse).ToList();
        var runs = int.Parse(CorpusGenerator.Option(args, "--runs") ?? "3");
        var work = Path.GetFullPath(CorpusGenerator.Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "sitegen-compare"));
        var repo = CorpusGenerator.FindRepo();
        var peers = Path.Combine(repo, "tests", "SiteGen.Benchmarks", "peers");
        var pagefind = EnsureTools(repo, peers);

        var tables = new List<string>();
        foreach (var count in sizes)
        {
            var folder = Path.Combine(work, count.ToString());
            tables.Add(await Compare(repo, peers, pagefind, folder, count, runs));
            Console.WriteLine(tables[^1]);
        }
        Console.WriteLine(string.Join("\n", tables));
        return 0;
    }

    private static async Task<string> Compare(string repo, string peers, string pagefind, string folder, int count, int runs)
    {
        var source = Path.Combine(folder, "source");
        var site = Path.Combine(folder, "sitegen");
        var hugoSite = Path.Combine(folder, "hugo-site");
        var hugoOut = Path.Combine(folder, "hugo");
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        var markdown = CorpusGenerator.Write(repo, source, count, seed: 1);
        CorpusGenerator.CopyFolder(Path.Combine(peers, "hugo"), hugoSite);
        Console.Error.WriteLine($"{count:N0} reports, {markdown / 1048576.0:0.0} MB of Markdown in {source}");

        var sitegen = Path.Combine(repo, "src", "SiteGen", "bin", "Release", "net10.0", "sitegen.dll");
        string[] Build(params string[] extra) => [sitegen, "build", "--source", source, "--out", site, .. extra];
        var reports = Directory.GetFiles(Path.Combine(source, "content", "reports")).Order(StringComparer.Ordinal).ToArray();
        List<Measured> cold = [], edit = [], hugo = [];
        List<Measured?> index = [];
        for (var run = 0; run < runs; run++)
        {
            Console.Error.WriteLine($"  run {run + 1} of {runs}");
            // Cold: no cache, no site, and no site before it (which a build stages into).
            Delete(Path.Combine(source, ".sitegen"));
            Delete(site);
            Delete(Path.Combine(folder, ".sitegen.previous"));
            CorpusGenerator.WaitUntilSettled(source);
            cold.Add(Measured.Run("dotnet", Build()));
            File.AppendAllText(reports[(run + 1) * reports.Length / (runs + 1)], $"\n本次修改为第{run + 1}次编辑。\n");
            edit.Add(Measured.Run("dotnet", Build()));
            Delete(hugoOut);
            hugo.Add(Measured.Run("hugo", "--source", hugoSite, "--contentDir", Path.Combine(source, "content"), "--destination", hugoOut, "--quiet"));
            Delete(Path.Combine(hugoOut, "pagefind"));
            // Pagefind 1.6.0 needed 24 GB for 10,000 of these reports and failed: cap it below the machine's memory,
            // and once it has failed, do not spend minutes failing again.
            if (run == 0 || index[0] is not null)
                index.Add(Measured.TryRun(PagefindMemoryLimit, pagefind, "--site", hugoOut, "--silent"));
        }
        var identical = SameAsColdBuild(sitegen, source, site, Path.Combine(folder, "cold"));

        var p = Measured.Median(index);
        var (ourSearch, theirSearch) = await SearchBoth(folder, site, p is null ? null : hugoOut);
        var ourIndex = FolderBytes(Path.Combine(site, "search"));
        double? theirIndex = p is null ? null : FolderBytes(Path.Combine(hugoOut, "pagefind"));
        var (c, e, h) = (Measured.Median(cold), Measured.Median(edit), Measured.Median(hugo));
        Measured? hugoPagefind = p is { } indexed
            ? new Measured(Stats.Median(hugo.Zip(index, (a, b) => a.Seconds + b!.Value.Seconds)), Math.Max(h.PeakMegabytes, indexed.PeakMegabytes))
            : null;

        var table = new Table($"{count:N0} reports ({markdown / 1048576.0:0} MB of Markdown), median of {runs} runs", "SiteGen", "peer", "SiteGen / peer");
        table.Row("full build, s (peer: Hugo, pages only)", c.Seconds, h.Seconds);
        table.Row("full build, peak MB (peer: Hugo)", c.PeakMegabytes, h.PeakMegabytes);
        table.Row("full build + search index, s (peer: Hugo + Pagefind)", c.Seconds, hugoPagefind?.Seconds);
        table.Row("full build + search index, peak MB (peer: max of both)", c.PeakMegabytes, hugoPagefind?.PeakMegabytes);
        table.Row("rebuild after editing one report, s (peer: SiteGen cold)", e.Seconds, c.Seconds);
        table.Row("rebuild after editing one report, peak MB", e.PeakMegabytes, c.PeakMegabytes);
        table.Row("search index on disk, MB (peer: Pagefind)", ourIndex / 1048576.0, theirIndex / 1048576.0);
        table.Row("median query, KB downloaded (gzip where it helps)", ourSearch.Kilobytes, theirSearch?.Kilobytes);
        table.Row("median query, ms to 10 results with snippets (cold page)", ourSearch.Milliseconds, theirSearch?.Milliseconds);
        table.Note((p is { } alone ? $"Pagefind alone: {alone.Seconds:0.00} s, {alone.PeakMegabytes:0} MB peak. "
                       : $"Pagefind failed (address space capped at {PagefindMemoryLimit / (1L << 30)} GB; see its output above). ") +
                   $"SiteGen output {FolderBytes(site) / 1048576.0:0} MB. " +
                   $"Rebuild after an edit as good as a cold build (every file but the index's, the zip's and the size pages give for it byte for byte, the index's answers the same): {(identical ? "yes" : "NO")}.");
        return table.ToString();
    }

    /// <summary>Builds the edited source cold into another folder and compares the rebuilt site with it (<see cref="SiteGen.Tests.Support.ColdBuildComparison"/>).</summary>
    private static bool SameAsColdBuild(string sitegen, string source, string site, string cold)
    {
        Measured.Run("dotnet", sitegen, "build", "--source", source, "--out", cold, "--no-cache");
        var differences = SiteGen.Tests.Support.ColdBuildComparison.Differences(site, cold);
        foreach (var difference in differences.Take(5)) Console.WriteLine($"    {difference}");
        return differences.Count == 0;
    }

    private readonly record struct QueryCost(double Kilobytes, double Milliseconds);

    /// <summary>Three quarters of the machine's memory: enough to finish where a peer can, short of taking the machine down.</summary>
    private static readonly long PagefindMemoryLimit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 * 3;

    private static async Task<(QueryCost Ours, QueryCost? Theirs)> SearchBoth(string root, string site, string? hugoOut)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        // Counted where they are served, so requests from Pagefind's web worker count too.
        var served = new List<string>();
        app.Use((context, next) =>
        {
            lock (served) served.Add(Uri.UnescapeDataString(context.Request.Path.Value ?? ""));
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            ServeUnknownFileTypes = true,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
        });
        await app.StartAsync();
        var origin = app.Urls.First().TrimEnd('/');
        await using var browser = await SearchBenchmark.Launch();
        // As the search page asks: the results first, counted as far as the page needs (the time), then the same query
        // again for exact counts where they are cheap (its files count in the bytes, not in the time to results).
        var ours = await Measure(browser, served, root, $"{origin}/{Path.GetFileName(site)}/search.html", """
            async q => { const t = performance.now(); const r = await SiteGenSearch.search(q, { counts: "estimate" });
                         const ms = performance.now() - t;
                         const c = r.estimated ? await SiteGenSearch.search(q, { counts: "auto" }) : r;
                         return [c.total, ms]; }
            """);
        QueryCost? theirs = hugoOut is null ? null : await Measure(browser, served, root, $"{origin}/{Path.GetFileName(hugoOut)}/index.html", $$"""
            async q => { const pagefind = await import("{{origin}}/{{Path.GetFileName(hugoOut)}}/pagefind/pagefind.js");
                         await pagefind.init();
                         const t = performance.now(); const r = await pagefind.search(q);
                         await Promise.all(r.results.slice(0, 10).map(x => x.data()));
                         return [r.results.length, performance.now() - t]; }
            """);
        await app.StopAsync();
        return (ours, theirs);
    }

    /// <summary>
/// Each query on a fresh browser context (empty cache); the search runtime counts, the page and its stylesheet do not.
/// The clock starts once each engine is ready to take a query: SiteGen's search page loads the manifest with the page,
/// and Pagefind is given its init() first, so neither counts its start-up as time to results (both count its bytes).
/// </summary>
    private static async Task<QueryCost> Measure(IBrowser browser, List<string> served, string root, string page, string script)
    {
        List<double> kilobytes = [], milliseconds = [];
        foreach (var query in Queries)
        {
            await using var context = await browser.NewContextAsync();
            var tab = await context.NewPageAsync();
            lock (served) served.Clear();
            await tab.GotoAsync(page);
            var result = await tab.EvaluateAsync<double[]>(script, query);
            string[] files;
            lock (served) files = served.Where(p => !p.EndsWith(".html") && !p.EndsWith(".css")).ToArray();
            var bytes = files.Sum(p => WireBytes(Path.Combine(root, p.TrimStart('/'))));
            kilobytes.Add(bytes / 1024.0);
            milliseconds.Add(result[1]);
            Console.Error.WriteLine($"    {page[(page.LastIndexOf('/', page.LastIndexOf('/') - 1) + 1)..],-22} {query,-10} {result[0],6} results {bytes / 1024.0,8:0.0} KB {result[1],7:0.0} ms");
        }
        return new QueryCost(Stats.Median(kilobytes), Stats.Median(milliseconds));
    }

    /// <summary>What a host serving gzip sends: text compresses, Pagefind's files are compressed already.</summary>
    internal static long WireBytes(string file)
    {
        if (!File.Exists(file)) return 0;
        var body = File.ReadAllBytes(file);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(body);
        return Math.Min(body.Length, buffer.Length);
    }

    private static string EnsureTools(string repo, string peers)
    {
        if (!File.Exists("/usr/bin/hugo") || !File.Exists("/usr/bin/time"))
        {
            Console.Error.WriteLine("installing hugo and GNU time (apt-get)");
            Shell("apt-get", "update");
            Shell("apt-get", "install", "-y", "hugo", "time");
        }
        var pagefind = Path.Combine(peers, "node_modules", ".bin", "pagefind");
        if (!File.Exists(pagefind))
        {
            Console.Error.WriteLine("installing pagefind 1.6.0 (npm)");
            Shell("npm", "ci", "--prefix", peers, "--no-audit", "--no-fund");
        }
        Shell("dotnet", "build", Path.Combine(repo, "src", "SiteGen"), "-c", "Release", "-v", "quiet", "-nologo");
        return pagefind;
    }

    private static void Shell(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode})");
    }

    private static long FolderBytes(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
    }
}
