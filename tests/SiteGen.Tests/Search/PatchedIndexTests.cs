using System.Text.Json.Nodes;
using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// An edit patches its segment of the index (a base and a small delta) rather than remaking it: the answers must be a
/// cold build's — results, order, scores, snippets, totals, whether they are estimated, facets — and the rest of the
/// site byte for byte a cold build's.
/// </summary>
public class PatchedIndexTests(PatchedArchiveSearchSite site) : IClassFixture<PatchedArchiveSearchSite>
{
    internal static readonly string[] Queries = ["法治政府", "法制", "依法行政 -行政执法", "行政执法 year:2017", "政府 -依法行政", "政府机关",
        "法治政府建设推进会", "publisher:司法行政", "region:第20县", "情况报告", "依法治理", "三项制度", "type:年度报告", "\"放管服\""];

    [Fact]
    public void Edits_patch_their_segments_and_leave_every_other_file_a_cold_builds()
    {
        var patches = Manifest(site.Output)["segments"]!.AsArray().Where(s => s!.AsArray().Count > 6).Select(s => s![6]!.AsArray()).ToList();
        patches.Should().HaveCountGreaterThanOrEqualTo(3, "most edited reports' segments are patched");
        patches.Should().Contain(p => p[6]!.AsArray().Count == 2, "a segment with two edited reports is patched with both");
        Manifest(site.Output)["dictionary"]!.AsArray().Should().HaveCount(4, "the dictionary's entries the edits changed are overridden");

        ColdBuildComparison.Differences(site.Output, site.ColdOutput).Should().BeEmpty();
    }

    [Fact]
    public void The_patched_index_answers_every_query_as_a_cold_build_does()
    {
        var wrong = new List<string>();
        foreach (var q in site.RandomQueries(150, seed: 11).Concat(Queries))
        {
            foreach (var (sort, page, size) in new[] { ("relevance", 1, 1000), ("relevance", 1, 1), ("relevance", 2, 1), ("date", 2, 1), ("relevance", 1, 3) })
            {
                // Fresh readers, so that what an earlier query read cannot hide a difference.
                var patched = new QueryEngine(SearchIndexReader.Open(site.Output)).Search(q, sort: sort, page: page, pageSize: size);
                var cold = new QueryEngine(SearchIndexReader.Open(site.ColdOutput)).Search(q, sort: sort, page: page, pageSize: size);
                if (ColdBuildComparison.Describe(patched) != ColdBuildComparison.Describe(cold))
                    wrong.Add($"{q} {sort} {page}/{size}:\n  patched {ColdBuildComparison.Describe(patched)}\n  cold    {ColdBuildComparison.Describe(cold)}");
            }
        }
        wrong.Should().BeEmpty();
    }

    /// <summary>A built site's search manifest.</summary>
    internal static JsonObject Manifest(string output)
    {
        var script = File.ReadAllText(Path.Combine(output, IndexFormat.Manifest));
        return JsonNode.Parse(script[(script.IndexOf('(') + 1)..script.LastIndexOf(')')])!.AsObject();
    }
}

/// <summary>What one edit costs the index: a few files, not its segment's thousands.</summary>
public class PatchedIndexCostTests
{
    [Fact]
    public void One_edit_writes_a_few_index_files_and_undoing_it_gives_back_the_first_index()
    {
        using var site = TestSite.CopyOfRepository();
        site.SearchLayout = new SearchLayout(SegmentSize: 8, ChunkPositions: 32);
        for (var i = 0; i < 30; i++)
            site.AddReport($"made-up-{i:00}", Reports.FrontMatter(title: $"第{i}县2020年法治政府建设年度报告", year: 2020, county: $"第{i}县", publisher: $"第{i}县人民政府"),
                string.Concat(Enumerable.Range(0, 30).Select(k => $"第{k}段：第{i}县推进依法行政，落实法治政府建设第{k * i}项任务。\n\n")));
        site.Build();
        var first = SearchFiles(site.Output);
        var path = Path.Combine(site.Root, "content", "reports", "made-up-07.md");
        var original = File.ReadAllText(path);

        File.WriteAllText(path, original + "\n新增一段：行政复议纠错。\n");
        site.Build();
        var edited = SearchFiles(site.Output);

        var written = edited.Where(f => first.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).ToList();
        first.Count.Should().BeGreaterThan(150);
        written.Should().HaveCountLessThanOrEqualTo(12, $"the manifest, the report's text and its segment's delta are written, not its segment ({string.Join(", ", written)})");
        new QueryEngine(SearchIndexReader.Open(site.Output)).Search("行政复议纠错").Results.Should().ContainSingle().Which.Slug.Should().Be("made-up-07");

        File.WriteAllText(path, original);
        site.Build();
        SearchFiles(site.Output).Should().Equal(first, "the base is again the whole segment, as it was");
    }

    [Fact]
    public void A_damaged_patch_record_is_made_again_never_trusted()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var path = Path.Combine(site.Root, "content/reports/441204-2021-annual-report-9bff11.md");
        File.AppendAllText(path, "\n新增一段：行政复议纠错。\n");
        site.Build();
        var records = Directory.GetFiles(Path.Combine(site.Root, ".sitegen/cache/patches"), "*.bin", SearchOption.AllDirectories);
        records.Should().ContainSingle("the edit patched the one segment");
        var bytes = File.ReadAllBytes(records[0]);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(records[0], bytes);

        var result = site.Build();

        result.Warnings.Should().ContainSingle(w => w.Message.Contains("1 damaged cache file(s)"));
        site.ShouldMatchColdBuild();
    }

    private static SortedDictionary<string, string> SearchFiles(string output) =>
        new(SiteFiles.Snapshot(output).Where(f => f.Key.StartsWith("search/")).ToDictionary(), StringComparer.Ordinal);
}
