using System.Diagnostics;
using SiteGen.Import;
using SiteGen.Import.Keywords;

namespace SiteGen.Benchmarks;

/// <summary>
/// What proposing keywords costs and gives: imports every page of a folder (default ../shared/import-dev/pages)
/// without keywords and then with them, and prints the time per page of each, SmartCn's one-off start, and the
/// keywords proposed for each page, to read.
/// </summary>
public static class KeywordBenchmark
{
    public static int Run(string[] args)
    {
        var repo = CorpusGenerator.FindRepo();
        var folder = CorpusGenerator.Option(args, "--pages") ?? Path.GetFullPath(Path.Combine(repo, "..", "shared", "import-dev", "pages"));
        var archive = CorpusGenerator.Option(args, "--archive");
        var pages = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var bytes = pages.Sum(p => System.Text.Encoding.UTF8.GetByteCount(p));

        var clock = Stopwatch.StartNew();
        var proposer = archive is null ? KeywordProposer.General : KeywordBackground.For(archive);
        proposer.Propose("法治政府建设年度报告行政复议");
        var start = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"background: {(archive is null ? "SmartCn's dictionary" : archive)}, ready in {start:0} ms (SmartCn's dictionaries load once)");

        for (var round = 0; round < 2; round++) // the first round warms the JIT
        {
            clock.Restart();
            var imported = pages.Select(ReportImporter.Import).ToList();
            var plain = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var proposed = imported.Select(r => proposer.Complete(r with { Keywords = [] }).Keywords).ToList();
            var keywords = clock.Elapsed.TotalMilliseconds;
            if (round == 0) continue;
            Console.WriteLine($"{pages.Count} pages, {bytes / 1024.0:0} KB: import {plain / pages.Count:0.0} ms/page, keywords {keywords / pages.Count:0.0} ms/page " +
                $"({keywords / plain:0.00}× the import; {bytes / 1048576.0 / (keywords / 1000):0.00} MB/s)");
            for (var i = 0; i < pages.Count; i++)
                Console.WriteLine($"{i + 1,3} {imported[i].Title[..Math.Min(24, imported[i].Title.Length)],-24} {string.Join("、", proposed[i])}");
        }
        return 0;
    }
}
