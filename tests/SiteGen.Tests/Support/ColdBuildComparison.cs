using SiteGen.Search.Reader;

namespace SiteGen.Tests.Support;

/// <summary>
/// What an incremental build must give: a cold build's site. Every file byte for byte but the search index's, which may
/// be patched (FORMAT.md, Patches) and must answer every query as the cold build's does, and what holds or states the
/// size of the index: the offline zip, whose other entries must be the cold build's, and the pages giving its size.
/// The benchmarks' compare command links this file, and checks its rebuilds with it.
/// </summary>
public static class ColdBuildComparison
{
    private static readonly string[] Sized = ["index.html", "download.html"];

    /// <summary>How the site in <paramref name="output"/> differs from the cold build in <paramref name="cold"/>: nothing, when it is as good as one.</summary>
    public static List<string> Differences(string output, string cold)
    {
        var (built, wanted) = (SiteFiles.Snapshot(output), SiteFiles.Snapshot(cold));
        if (built.SequenceEqual(wanted)) return [];
        var zip = wanted.Keys.SingleOrDefault(k => k.EndsWith(".zip"));
        bool Plain(string path) => !path.StartsWith("search/") && path != zip && !Sized.Contains(path);
        var differences = built.Keys.Union(wanted.Keys).Where(Plain)
            .Where(path => built.GetValueOrDefault(path) != wanted.GetValueOrDefault(path)).Select(path => $"{path} differs").ToList();
        differences.AddRange(Sized.Where(wanted.ContainsKey).Where(page => WithoutSizes(output, page) != WithoutSizes(cold, page)).Select(page => $"{page} differs"));
        if (zip is not null && !ZipEntries(output, zip).SequenceEqual(ZipEntries(cold, zip))) differences.Add($"{zip}'s entries outside search/ differ");
        var (answers, coldAnswers) = (Answers(output), Answers(cold));
        differences.AddRange(answers.Zip(coldAnswers).Where(a => a.First != a.Second).Select(a => $"answer differs:\n  {a.First}\n  cold: {a.Second}"));
        return differences;
    }

    /// <summary>A query's answer as a reader sees it: total, whether estimated, each result's slug, score, title, place and snippet, the facets.</summary>
    public static string Describe(SearchResult r) =>
        $"{r.Query}: {r.Total} {(r.Estimated ? "约" : "")} {r.Exact} [{string.Join(" | ", r.Results.Select(h => $"{h.Slug} {h.Score} {h.Title} {h.Region} {h.Publisher} {h.Snippet}"))}] " +
        string.Join(";", r.Facets.OrderBy(f => f.Key).Select(f => $"{f.Key}:{string.Join(",", f.Value.Select(v => $"{v.Value}={v.Count}"))}"));

    /// <summary>Answers to substrings of reports' titles and bodies (the same queries for any index of the same reports), whole and a page of one.</summary>
    private static List<string> Answers(string output)
    {
        var index = SearchIndexReader.Open(output);
        var step = Math.Max(1, index.Count / 200);
        var queries = Enumerable.Range(0, index.Count).Where(d => d % step == 0).Select(index.Texts).OrderBy(t => t[0], StringComparer.Ordinal)
            .SelectMany(t => new[] { t[0], t[2] }).Where(t => t.Length > 0)
            .SelectMany(t => new[] { t[..Math.Min(2, t.Length)], t.Substring(t.Length / 2, Math.Min(4, t.Length - t.Length / 2)), t[^Math.Min(3, t.Length)..] })
            .Concat(["法治政府", "报告", "依法行政 -行政复议", "year:2021", "region:广东"]).Distinct().ToList();
        return queries.SelectMany(q => new[]
        {
            Describe(new QueryEngine(SearchIndexReader.Open(output)).Search(q, pageSize: 1000)),
            Describe(new QueryEngine(SearchIndexReader.Open(output)).Search(q, page: 2, pageSize: 1)),
        }).ToList();
    }

    private static string WithoutSizes(string output, string page) =>
        System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(output, page)), @"\d+(\.\d+)? (KB|MB|GB)", "…");

    private static List<(string, uint, long)> ZipEntries(string output, string zip)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, zip));
        return archive.Entries.Where(e => !e.FullName.Contains("/search/")).Select(e => (e.FullName, e.Crc32, e.Length)).ToList();
    }
}
