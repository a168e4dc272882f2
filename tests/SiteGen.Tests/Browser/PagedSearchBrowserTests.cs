using System.Text.Json;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>The browser against the command line on pages that leave common phrases unchecked in most reports.</summary>
public sealed class PagedSearchBrowserTests(Chromium chromium, ArchiveSearchSite site) : IClassFixture<Chromium>, IClassFixture<ArchiveSearchSite>
{
    [Fact]
    public async Task A_short_page_checks_the_same_reports_and_estimates_the_same_totals_and_facets_in_the_browser()
    {
        // Pages of one leave most candidates unchecked: totals and facets are then estimates, which must agree too.
        var queries = site.RandomQueries(120, seed: 11).Concat(["法治政府", "依法行政 -行政执法", "政府 -依法行政", "行政执法 year:2017"]).ToArray();
        var (differences, estimated) = await Differences(chromium, site.FileUrl("search.html"), queries, site.Engine);
        differences.Should().BeEmpty();
        estimated.Should().BeGreaterThan(queries.Length / 4, "most queries leave reports unchecked");
    }

    [Fact]
    public async Task Pages_of_ten_read_segments_ahead_alike_and_estimate_the_same_in_the_browser()
    {
        // Phrases in a few reports a segment, on pages of ten: a round reads every segment the rounds to come would
        // read, and which candidates are checked by the time the page is found decides the estimates, so both engines
        // must read alike. (These five are estimated differently when one engine reads a segment a round.)
        var queries = site.RandomQueries(60, seed: 12).Concat(["依法依规", "建设工作", "强化行政", "推进行政", "服务中心", "第1县", "第2县 -法治", "第3县 year:2018"]).ToArray();
        var (differences, estimated) = await Differences(chromium, site.FileUrl("search.html"), queries, site.Engine, pageSize: 10);
        differences.Should().BeEmpty();
        estimated.Should().BeGreaterThan(0);
    }

    /// <summary>
    /// Each query's answers on pages of one (or <paramref name="pageSize"/>) — sorted by relevance and by date, estimated and counted as the page
    /// decides — from the search page at <paramref name="url"/> in Chromium, against <paramref name="expected"/>'s.
    /// </summary>
    /// <returns>The differences, and how many of the browser's answers were estimates.</returns>
    internal static async Task<(List<string> Differences, int Estimated)> Differences(Chromium chromium, string url, string[] queries,
        SiteGen.Search.Reader.QueryEngine expected, int pageSize = 1)
    {
        var options = new[] { (Sort: "relevance", Page: 1, Counts: "estimate"), (Sort: "relevance", Page: 2, Counts: "estimate"), (Sort: "date", Page: 2, Counts: "estimate"), (Sort: "relevance", Page: 1, Counts: "auto") };
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(url);
        var browser = await watched.Page.EvaluateAsync<string[]>(@"async ([queries, options, pageSize]) => {
            const out = [];
            for (const q of queries) for (const [sort, page, counts] of options) {
              const r = await SiteGenSearch.search(q, { pageSize, sort, page, counts });
              out.push(JSON.stringify([r.total, r.estimated, r.results.map(x => [x.slug, x.score, x.snippet]), ['year', 'province', 'type'].map(k => (r.facets[k] || []).map(f => [f.value, f.count]))]));
            }
            return out;
          }", new object[] { queries, options.Select(o => new object[] { o.Sort, o.Page, o.Counts }).ToArray(), pageSize });

        var differences = new List<string>();
        var i = 0;
        foreach (var q in queries)
        {
            foreach (var (sort, page, counts) in options)
            {
                var cli = expected.Search(q, sort: sort, page: page, pageSize: pageSize, counting: counts == "auto" ? SiteGen.Search.Reader.Counting.Auto : SiteGen.Search.Reader.Counting.Estimate);
                var want = JsonSerializer.Serialize(new object[]
                {
                    cli.Total, cli.Estimated, cli.Results.Select(x => new object[] { x.Slug, x.Score, x.Snippet }),
                    new[] { "year", "province", "type" }.Select(k => cli.Facets.TryGetValue(k, out var f) ? f.Select(v => new object[] { v.Value, v.Count }) : []),
                }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                if (browser[i] != want) differences.Add($"{q} {sort} {page}: browser {browser[i]} / cli {want}");
                i++;
            }
        }
        differences.AddRange(watched.Errors.Select(e => $"page error: {e}"));
        return (differences, browser.Count(b => JsonDocument.Parse(b).RootElement[1].GetBoolean()));
    }

    [Fact]
    public async Task The_search_page_says_when_a_count_is_an_estimate_and_counts_exactly_on_request()
    {
        // A phrase whose page of ten leaves more than the site's budget (16 files) to count exactly.
        var query = new[] { "法治政府", "法治政府建设", "依法行政", "行政执法" }.First(q => site.Engine.Search(q).Estimated);
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(site.FileUrl("search.html") + "?q=" + Uri.EscapeDataString(query));
        var exhaustive = site.Engine.Search(query, pageSize: 1000);
        var status = watched.Page.Locator("#search-status");
        await Microsoft.Playwright.Assertions.Expect(status).ToContainTextAsync($"找到约 {site.Engine.Search(query).Total} 份报告");
        await Microsoft.Playwright.Assertions.Expect(watched.Page.Locator("#search-results li")).ToHaveCountAsync(10);
        (await watched.Page.Locator("#search-results .report-title").AllTextContentsAsync())
            .Should().Equal(exhaustive.Results.Take(10).Select(r => r.Title));

        await watched.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "精确统计" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(status).ToContainTextAsync($"找到 {exhaustive.Total} 份报告");
        await Microsoft.Playwright.Assertions.Expect(watched.Page.Locator("#search-exact")).ToBeHiddenAsync();
        watched.Page.Url.Should().Contain("counts=exact", "a shared link keeps the exact counts");
        var year = exhaustive.Facets["year"][0];
        await Microsoft.Playwright.Assertions.Expect(watched.Page.Locator($"[data-facet=\"year:{year.Value}\"] .count")).ToHaveTextAsync(year.Count.ToString());
        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_rare_query_reads_every_segment_it_needs_in_one_round_trip()
    {
        // 第1县 is a title and publisher of one report; 第11县, 第21县 … hold both its pairs. Fewer candidates than a page
        // holds: every segment holding both pairs must be read, and none of them can wait on another's answer.
        var rounds = await Rounds("第1县");
        var columns = rounds.Where(r => r.Key.StartsWith("m-", StringComparison.Ordinal)).ToList();
        columns.Count.Should().BeGreaterThanOrEqualTo(3, "the query's candidates are in several segments");
        columns.Select(c => c.Value).Distinct().Should().ContainSingle("the segments were asked for together: {0}", Listed(rounds));
    }

    [Fact]
    public async Task A_page_counted_exactly_asks_for_its_results_with_the_files_it_counts()
    {
        // 政府's page is settled by one segment, and counting reads the others: the results' heads need none of them.
        site.Engine.Search("政府", counting: SiteGen.Search.Reader.Counting.Estimate).Estimated.Should().BeTrue("counting reads more segments");
        var rounds = await Rounds("政府");
        var counted = rounds.Where(r => r.Key.StartsWith("m-", StringComparison.Ordinal)).Max(r => r.Value);
        rounds.Where(r => r.Key.StartsWith('h')).Should().NotBeEmpty().And.OnlyContain(r => r.Value <= counted, Listed(rounds));
    }

    /// <summary>The round in which a cold query asked for each index file, by name (<see cref="QueryRounds"/>).</summary>
    private async Task<Dictionary<string, int>> Rounds(string query)
    {
        var watched = await chromium.OpenAsync();
        await QueryRounds.WatchAsync(watched.Page);
        await watched.Page.GotoAsync(site.FileUrl("search.html"));
        await QueryRounds.HookAsync(watched.Page);
        await watched.Page.EvaluateAsync("async q => { await SiteGenSearch.search(q); await new Promise(r => setTimeout(r, 0)); }", query);
        watched.Errors.Should().BeEmpty();
        return await QueryRounds.ReadAsync(watched.Page);
    }

    private static string Listed(Dictionary<string, int> rounds) => string.Join(" ", rounds.OrderBy(r => r.Value).Select(r => $"{r.Value}:{r.Key}"));

    [Fact]
    public async Task The_search_page_shows_results_first_and_then_exact_counts_where_they_are_cheap()
    {
        // 政府: its page reads one segment; counting every other segment reads fewer files than the site's budget.
        var exhaustive = site.Engine.Search("政府", pageSize: 1000, counting: SiteGen.Search.Reader.Counting.Exact);
        site.Engine.Search("政府", counting: SiteGen.Search.Reader.Counting.Estimate).Estimated.Should().BeTrue("the page alone leaves segments unread");
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(site.FileUrl("search.html") + "?q=" + Uri.EscapeDataString("政府"));
        await Microsoft.Playwright.Assertions.Expect(watched.Page.Locator("#search-status")).ToContainTextAsync($"找到 {exhaustive.Total} 份报告");
        await Microsoft.Playwright.Assertions.Expect(watched.Page.Locator("#search-exact")).ToBeHiddenAsync();
        var year = exhaustive.Facets["year"][0];
        await Microsoft.Playwright.Assertions.Expect(watched.Page.Locator($"[data-facet=\"year:{year.Value}\"] .count")).ToHaveTextAsync(year.Count.ToString());
        watched.Errors.Should().BeEmpty();
    }
}

/// <summary>The browser on an index whose edited segments are patched, against the command line on a cold build of the same reports.</summary>
public sealed class PatchedSearchBrowserTests(Chromium chromium, PatchedArchiveSearchSite site) : IClassFixture<Chromium>, IClassFixture<PatchedArchiveSearchSite>
{
    [Fact]
    public async Task A_patched_index_gives_the_browser_a_cold_builds_answers()
    {
        var queries = site.RandomQueries(120, seed: 12).Concat(Search.PatchedIndexTests.Queries).ToArray();
        var (differences, estimated) = await PagedSearchBrowserTests.Differences(chromium, site.FileUrl("search.html"), queries, site.Cold);
        differences.Should().BeEmpty();
        estimated.Should().BeGreaterThan(queries.Length / 4);
    }
}
