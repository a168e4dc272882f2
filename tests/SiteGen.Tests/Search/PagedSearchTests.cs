using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>Pages that check only as many reports as they show, on an archive where common pairs' positions are in chunks.</summary>
public class PagedSearchTests(ArchiveSearchSite site) : IClassFixture<ArchiveSearchSite>
{
    [Fact]
    public void Every_random_substring_still_finds_exactly_the_reports_that_contain_it()
    {
        var wrong = new List<string>();
        foreach (var q in site.RandomQueries(200, seed: 3))
        {
            var result = site.Engine.Search(q, pageSize: 1000);
            var expected = site.Containing(q);
            if (!result.Results.Select(r => r.Slug).ToHashSet().SetEquals(expected) || result.Total != expected.Count || result.Estimated)
                wrong.Add($"{q}: got {result.Total}, want {expected.Count}");
        }
        wrong.Should().BeEmpty();
    }

    [Fact]
    public void Each_page_is_the_page_an_exhaustive_evaluation_gives()
    {
        // Pages of one: a query checks as few reports as the page needs, and each must still be the right one.
        var queries = site.RandomQueries(150, seed: 7).Concat(["法治政府", "依法行政 -行政执法", "行政执法 year:2017", "政府 -依法行政"]);
        var wrong = new List<string>();
        foreach (var q in queries)
        {
            foreach (var sort in new[] { "relevance", "date" })
            {
                var all = site.Engine.Search(q, sort: sort, pageSize: 1000);
                for (var page = 1; page <= 3; page++)
                {
                    var one = new QueryEngine(SearchIndexReader.Open(site.Output)).Search(q, sort: sort, page: page, pageSize: 1);
                    var want = all.Results.Skip(page - 1).Take(1).Select(r => (r.Slug, r.Score, r.Snippet));
                    if (!one.Results.Select(r => (r.Slug, r.Score, r.Snippet)).SequenceEqual(want) || (!one.Estimated && one.Total != all.Total))
                        wrong.Add($"{q} {sort} page {page}: got {string.Join(",", one.Results.Select(r => r.Slug))} of {one.Total}, want {string.Join(",", want)} of {all.Total}");
                }
            }
        }
        wrong.Should().BeEmpty();
    }

    [Fact]
    public void A_common_phrase_reads_the_positions_of_the_reports_it_shows_and_estimates_the_rest()
    {
        var everything = SearchIndexReader.Open(site.Output);
        var exhaustive = new QueryEngine(everything).Search("法治政府", pageSize: 1000);
        var firstOnly = SearchIndexReader.Open(site.Output);
        var first = new QueryEngine(firstOnly).Search("法治政府", pageSize: 1, counting: Counting.Estimate);

        exhaustive.Estimated.Should().BeFalse();
        exhaustive.Total.Should().Be(site.Containing("法治政府").Count);
        first.Estimated.Should().BeTrue("the other reports' chunks were not read");
        first.Total.Should().Be(exhaustive.Total, "every report checked so far matched, so the estimate counts all candidates");
        first.Results.Single().Slug.Should().Be(exhaustive.Results[0].Slug);
        int Chunks(SearchIndexReader reader) => reader.FilesRead.Count(f => f.StartsWith('c'));
        Chunks(firstOnly).Should().BeGreaterThan(0).And.BeLessThan(Chunks(everything) / 2);
    }

    [Fact]
    public void A_common_term_reads_only_the_segments_that_can_reach_its_page()
    {
        var everything = SearchIndexReader.Open(site.Output);
        var exhaustive = new QueryEngine(everything).Search("政府", pageSize: 1000);
        var firstOnly = SearchIndexReader.Open(site.Output);
        var first = new QueryEngine(firstOnly).Search("政府", pageSize: 1, counting: Counting.Estimate);

        first.Results.Single().Slug.Should().Be(exhaustive.Results[0].Slug);
        first.Estimated.Should().BeTrue("the segments not read are estimated from the dictionary");
        first.Total.Should().BeCloseTo(exhaustive.Total, (uint)exhaustive.Total / 5);
        int Segments(SearchIndexReader reader) => reader.FilesRead.Count(f => f.StartsWith("m-"));
        Segments(everything).Should().Be(everything.SegmentCount);
        Segments(firstOnly).Should().BeLessThan(Segments(everything) / 2);
    }

    [Fact]
    public void Counts_are_exact_when_that_reads_few_more_files_and_on_request_otherwise()
    {
        // 政府 is in nearly every report: its page of one reads one segment, exact counting every other segment's
        // columns and shard; 法治政府 must also read every report's chunks.
        foreach (var query in new[] { "政府", "法治政府" })
        {
            var exhaustive = new QueryEngine(SearchIndexReader.Open(site.Output)).Search(query, pageSize: 1000, counting: Counting.Exact);
            exhaustive.Total.Should().Be(site.Containing(query).Count);
            var estimating = SearchIndexReader.Open(site.Output);
            var estimate = new QueryEngine(estimating).Search(query, pageSize: 1, counting: Counting.Estimate);
            var counting = SearchIndexReader.Open(site.Output);
            var exact = new QueryEngine(counting).Search(query, pageSize: 1, counting: Counting.Exact);
            var auto = new QueryEngine(SearchIndexReader.Open(site.Output)).Search(query, pageSize: 1);

            estimate.Estimated.Should().BeTrue(query);
            (exact.Total, exact.Estimated).Should().Be((exhaustive.Total, false), query);
            exact.Facets.Should().BeEquivalentTo(exhaustive.Facets, query);
            exact.Results.Single().Slug.Should().Be(exhaustive.Results[0].Slug);
            var more = counting.FilesRead.Count - estimating.FilesRead.Count;
            var cheap = more <= estimating.CountingBudget;
            cheap.Should().Be(query == "政府", $"{query}: {more} more files");
            if (cheap) (auto.Total, auto.Estimated).Should().Be((exhaustive.Total, false), query);
            else (auto.Total, auto.Estimated).Should().Be((estimate.Total, true), query);
        }
    }

    [Fact]
    public void A_rare_phrase_reads_the_counts_of_the_segments_that_hold_it_and_no_others()
    {
        var reader = SearchIndexReader.Open(site.Output);
        var rare = site.RandomQueries(400, seed: 5).First(q => TextUnits.Split(q).Count >= 4 && site.Containing(q).Count == 1);
        var result = new QueryEngine(reader).Search(rare);

        result.Results.Select(r => r.Slug).Should().Equal(site.Containing(rare));
        result.Estimated.Should().BeFalse();
        reader.FilesRead.Count(f => f.StartsWith("m-")).Should().BeLessThan(reader.SegmentCount / 2);
    }
}
