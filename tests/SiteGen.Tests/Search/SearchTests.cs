using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

public class SearchTests(SearchSite site) : IClassFixture<SearchSite>
{
    [Fact]
    public void Every_random_substring_finds_exactly_the_reports_that_contain_it()
    {
        var queries = site.RandomQueries(400, seed: 2026);
        var wrong = new List<string>();
        foreach (var q in queries)
        {
            var result = site.Engine.Search(q, pageSize: 1000);
            var expected = site.Containing(q);
            if (!result.Exact || !result.Results.Select(r => r.Slug).ToHashSet().SetEquals(expected) || result.Total != expected.Count)
                wrong.Add($"{q}: got {result.Total} {string.Join(",", result.Results.Select(r => r.Slug))}, want {string.Join(",", expected)}");
        }
        wrong.Should().BeEmpty();
        queries.Select(q => site.Containing(q).Count).Distinct().Should().HaveCountGreaterThan(3, "the sample covers rare and common text");
    }

    [Fact]
    public void Punctuation_is_a_break_a_query_crosses_only_where_it_has_punctuation_itself()
    {
        var queries = site.PunctuatedQueries(60, seed: 18);
        queries.Should().HaveCountGreaterThan(40);
        var wrong = new List<string>();
        var fewer = 0;
        foreach (var (asWritten, without, other) in queries)
        {
            foreach (var q in new[] { asWritten, without, other })
            {
                // Without an exact match the engine searches the query's words instead, and says so.
                var got = site.Engine.Search(q, pageSize: 1000);
                var found = got.Exact ? got.Results.Select(r => r.Slug).ToHashSet() : [];
                var want = site.Containing(q);
                if (!found.SetEquals(want) || (got.Exact && got.Total != want.Count) || got.Estimated)
                    wrong.Add($"{q}: got {got.Total} {string.Join(",", got.Results.Select(r => r.Slug))}, want {string.Join(",", want)}");
            }
            site.Containing(other).Should().BeEquivalentTo(site.Containing(asWritten), $"{other} differs from {asWritten} only in which punctuation");
            if (site.Containing(without).Count < site.ContainingAcrossPunctuation(without).Count) fewer++;
        }
        wrong.Should().BeEmpty();
        fewer.Should().BeGreaterThan(queries.Count / 2, "most of these queries found, before, reports where their units stand apart");
    }

    [Theory]
    [InlineData("安经开〔2018〕7号", "370784-2017-status-report-b59c6d")]
    [InlineData("安经开〔2018〕 7号", "370784-2017-status-report-b59c6d")]
    [InlineData("《广东省行政执法监督条例》", "440804-2017-work-plan-8255f0")]
    [InlineData("粤机编发〔20166]", "440804-2017-work-plan-8255f0")]
    public void Document_numbers_and_quoted_titles_match_through_their_punctuation(string query, string slug)
    {
        var result = site.Engine.Search(query);
        result.Exact.Should().BeTrue();
        result.Results.Select(r => r.Slug).Should().Equal(slug);
        result.Results[0].Snippet.Should().Contain("<mark>");
    }

    [Fact]
    public void A_small_archive_counts_a_common_phrase_exactly_on_a_page_of_one()
    {
        foreach (var query in new[] { "政府", "法治政府", "依法行政 -行政执法" })
        {
            var result = site.Engine.Search(query, pageSize: 1);
            result.Estimated.Should().BeFalse(query);
            result.Total.Should().Be(site.Engine.Search(query, pageSize: 1000).Total, query);
        }
    }

    [Fact]
    public void A_known_item_query_puts_that_report_first()
    {
        site.Engine.Search("高要区 2021").Results[0].Slug.Should().Be("441204-2021-annual-report-9bff11");
        site.Engine.Search("坡头区 要点").Results[0].Slug.Should().Be("440804-2017-work-plan-8255f0");
    }

    [Fact]
    public void Parts_must_all_appear_exclusions_remove_and_filters_narrow()
    {
        var both = site.Engine.Search("行政复议 清城区", pageSize: 100);
        both.Total.Should().Be(0, "no report contains both");
        site.Engine.Search("行政复议", pageSize: 100).Total.Should().Be(3);
        site.Engine.Search("行政复议 -坡头区", pageSize: 100).Results.Select(r => r.Slug).Should().NotContain("440804-2017-work-plan-8255f0").And.HaveCount(2);
        site.Engine.Search("行政复议 year:2021").Results.Select(r => r.Slug).Should().Equal("441204-2021-annual-report-9bff11");
        site.Engine.Search("法治 region:山东").Results.Select(r => r.Slug).Should().Equal("370784-2017-status-report-b59c6d");
        site.Engine.Search("法治 type:工作要点").Results.Select(r => r.Slug).Should().Equal("440804-2017-work-plan-8255f0");
        site.Engine.Search("\"放管服\"", pageSize: 100).Total.Should().Be(site.Containing("放管服").Count);
    }

    [Fact]
    public void Without_an_exact_match_the_query_is_split_into_words_and_says_so()
    {
        var result = site.Engine.Search("法治政府建设推进会");
        result.Exact.Should().BeFalse();
        result.Words.Should().Contain("法治").And.Contain("政府");
        result.Total.Should().BeGreaterThan(0);

        site.Engine.Search("\"法治政府建设推进会\"").Total.Should().Be(0, "a quoted phrase is never split");
    }

    [Fact]
    public void Facets_count_the_results_by_year_province_and_type()
    {
        var result = site.Engine.Search("行政复议", pageSize: 100);
        result.Facets["province"].Should().Equal(new SiteGen.Search.Reader.FacetValue("广东省", 2), new SiteGen.Search.Reader.FacetValue("山东省", 1));
        result.Facets["year"].Sum(f => f.Count).Should().Be(3);
        var filtered = site.Engine.Search("行政复议", new Dictionary<string, string> { ["province"] = "山东省" });
        filtered.Total.Should().Be(1);
        filtered.Facets["province"].Should().HaveCount(2, "a facet's own filter does not hide its other values");
    }

    [Theory]
    [InlineData("〔〕《》，。！")]
    [InlineData(".*+?^${}()|[]\\")]
    [InlineData("\"行政复议")]
    [InlineData("\"\"\"")]
    [InlineData("- -- -\"")]
    [InlineData("year: type:")]
    [InlineData("\u2028\u00A0\r\v行政复议\u2029")]
    public void Hostile_queries_answer_quickly_without_error(string query)
    {
        var clock = Stopwatch.StartNew();
        var result = site.Engine.Search(query);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a guard against hanging, not a speed goal");
        result.Total.Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void A_ten_thousand_character_query_answers_without_error()
    {
        var query = string.Concat(Enumerable.Repeat("行政复议", 2500));
        var clock = Stopwatch.StartNew();
        var result = site.Engine.Search(query);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a guard against hanging, not a speed goal");
        result.Exact.Should().BeFalse("no report repeats it; its words are searched instead");
    }

    [Fact]
    public void The_command_line_answers_from_the_built_site_with_the_api_object()
    {
        var run = SitegenProcess.Run("search", "行政复议", "--site", site.Output, "--json", "--limit", "2");
        run.ExitCode.Should().Be(0, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        json.GetProperty("total").GetInt32().Should().Be(3);
        json.GetProperty("exact").GetBoolean().Should().BeTrue();
        var results = json.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCount(2);
        foreach (var name in new[] { "slug", "url", "title", "date", "snippet", "score" })
            results[0].TryGetProperty(name, out _).Should().BeTrue(name);
        json.GetProperty("facets").GetProperty("year").GetArrayLength().Should().BeGreaterThan(0);
        results.Select(r => r.GetProperty("slug").GetString())
            .Should().Equal(site.Engine.Search("行政复议", pageSize: 2).Results.Select(r => r.Slug));
    }
}
