using FluentAssertions;
using SiteGen.Search.Reader;

namespace SiteGen.Tests.Support;

/// <summary>
/// What an incremental build must give: a cold build's site. Every file byte for byte but the search index's, which may
/// be patched (FORMAT.md, Patches) and must answer every query as the cold build's does, and what holds or states the
/// size of the index: the offline zip, whose other entries must be the cold build's, and the pages giving its size.
/// </summary>
public static class ColdBuildComparison
{
    private static readonly string[] Sized = ["index.html", "download.html"];

    /// <summary>Builds the site cold into a folder of its own and compares <paramref name="output"/> (the site's output folder if null) with it.</summary>
    public static void ShouldMatchColdBuild(this TestSite site, string? output = null, string because = "")
    {
        var cold = site.ColdBuild();
        try { ShouldMatch(output ?? site.Output, cold, because); }
        finally { Directory.Delete(cold, recursive: true); }
    }

    public static void ShouldMatch(string output, string cold, string because = "")
    {
        var (built, wanted) = (SiteFiles.Snapshot(output), SiteFiles.Snapshot(cold));
        if (built.SequenceEqual(wanted)) return;
        var zip = wanted.Keys.SingleOrDefault(k => k.EndsWith(".zip"));
        SortedDictionary<string, string> Plain(SortedDictionary<string, string> files) => new(files
            .Where(f => !f.Key.StartsWith("search/") && f.Key != zip && !Sized.Contains(f.Key)).ToDictionary(), StringComparer.Ordinal);
        Plain(built).Should().Equal(Plain(wanted), because);
        foreach (var page in Sized.Where(wanted.ContainsKey)) WithoutSizes(output, page).Should().Be(WithoutSizes(cold, page), because);
        if (zip is not null) ZipEntries(output, zip).Should().Equal(ZipEntries(cold, zip), because);
        built.Keys.Where(k => k.StartsWith("search/")).Should().NotBeEmpty();
        Answers(output).Should().Equal(Answers(cold), because);
    }

    /// <summary>A query's answer as a reader sees it: total, whether estimated, each result's slug, score, place and snippet, the facets.</summary>
    public static string Describe(SearchResult r) =>
        $"{r.Total} {(r.Estimated ? "约" : "")} {r.Exact} [{string.Join(" | ", r.Results.Select(h => $"{h.Slug} {h.Score} {h.Title} {h.Region} {h.Publisher} {h.Snippet}"))}] " +
        string.Join(";", r.Facets.OrderBy(f => f.Key).Select(f => $"{f.Key}:{string.Join(",", f.Value.Select(v => $"{v.Value}={v.Count}"))}"));

    /// <summary>Answers to substrings of every report's title and body (the same queries for any index of the same reports), whole and a page of one.</summary>
    private static List<string> Answers(string output)
    {
        var index = SearchIndexReader.Open(output);
        var queries = Enumerable.Range(0, index.Count).Select(index.Texts).OrderBy(t => t[0], StringComparer.Ordinal)
            .SelectMany(t => new[] { t[0], t[2] }).Where(t => t.Length > 0)
            .SelectMany(t => new[] { t[..Math.Min(2, t.Length)], t.Substring(t.Length / 2, Math.Min(4, t.Length - t.Length / 2)), t[^Math.Min(3, t.Length)..] })
            .Concat(["法治政府", "报告", "依法行政 -行政复议", "year:2021", "region:广东"]).ToList();
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
