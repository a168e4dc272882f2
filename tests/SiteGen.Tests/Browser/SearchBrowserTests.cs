using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>The search runtime and page in Chromium, from disk (file://) and from a host on 127.0.0.1.</summary>
public sealed class SearchBrowserTests(Chromium chromium, SearchSite site) : IClassFixture<Chromium>, IClassFixture<SearchSite>
{
    [Fact]
    public async Task The_javascript_tokenizer_meets_every_shared_vector() =>
        ContractScripts.CheckTokenizer(await Answer(ContractScripts.Tokenizer, ContractScripts.TokenizerInput));

    [Fact]
    public async Task The_javascript_engine_meets_every_shared_format_vector() =>
        ContractScripts.CheckFormat(await Answer(ContractScripts.Format, ContractScripts.FormatInput));

    [Fact]
    public async Task The_javascript_engine_matches_across_punctuation_only_where_the_query_has_some() =>
        ContractScripts.CheckMatching(await Answer(ContractScripts.Matching, ContractScripts.MatchingInput));

    /// <summary>A contract script's answers from the search page's runtime in Chromium.</summary>
    private async Task<string> Answer(string script, string input)
    {
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(site.FileUrl("search.html"));
        return await watched.Page.EvaluateAsync<string>(script, input);
    }

    [Fact]
    public async Task The_browser_finds_exactly_what_the_command_line_finds_in_the_same_order()
    {
        var queries = site.RandomQueries(400, seed: 2026)
            .Concat(site.PunctuatedQueries(40, seed: 18).SelectMany(q => new[] { q.AsWritten, q.Without, q.Other }))
            .Concat(["高要区 2021", "行政复议 -坡头区", "法治 year:2021", "法治 region:山东", "报告 publisher:人民政府", "region:广东 type:年度报告", "法治政府建设推进会", "\"放管服\""])
            // Queries that must not hurt: only punctuation, regex characters, unbalanced quotes, 10,000 characters.
            .Concat(["〔〕《》，。！", ".*+?^${}()|[]\\", "\"行政复议", "\"\"\"", "- -- -\"", "year: type:", "\u2028\u00A0\r\v行政复议\u2029", string.Concat(Enumerable.Repeat("行政复议", 2500))])
            .ToArray();
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(site.FileUrl("search.html"));
        var browser = await watched.Page.EvaluateAsync<JsonElement>(@"async queries => {
            const out = [];
            for (const q of queries) {
              const r = await SiteGenSearch.search(q, { pageSize: 1000 });
              out.push({ exact: r.exact, total: r.total, slugs: r.results.map(x => x.slug), scores: r.results.map(x => x.score), snippets: r.results.map(x => x.snippet) });
            }
            return out;
          }", queries);

        var differences = new List<string>();
        for (var i = 0; i < queries.Length; i++)
        {
            var cli = site.Engine.Search(queries[i], pageSize: 1000);
            var js = browser[i];
            var jsSlugs = js.GetProperty("slugs").EnumerateArray().Select(s => s.GetString()).ToList();
            if (!jsSlugs.SequenceEqual(cli.Results.Select(r => r.Slug)) || js.GetProperty("exact").GetBoolean() != cli.Exact || js.GetProperty("total").GetInt32() != cli.Total
                || !js.GetProperty("snippets").EnumerateArray().Select(x => x.GetString()).SequenceEqual(cli.Results.Select(r => r.Snippet)))
                differences.Add($"{queries[i]}: browser {string.Join(",", jsSlugs)} / cli {string.Join(",", cli.Results.Select(r => r.Slug))}");
        }
        differences.Should().BeEmpty();
        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_browser_makes_the_same_snippets_from_heads_and_whole_texts()
    {
        using var snippets = new Search.SnippetSite();
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(new Uri(Path.Combine(snippets.Site.Output, "search.html")).AbsoluteUri);
        var queries = Search.SnippetSite.Cases.Select(c => c.Query).Append("标题独有").Append("肇府办〔2022〕15号").Append("肇府办 某县人民政府").ToArray();
        var browser = await watched.Page.EvaluateAsync<string[]>(@"async queries => {
            const out = [];
            for (const q of queries) out.push((await SiteGenSearch.search(q)).results[0].snippet);
            return out;
          }", queries);
        browser.Should().Equal(queries.Select(q => snippets.Engine.Search(q).Results[0].Snippet));
        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_works_from_disk()
    {
        var watched = await chromium.OpenAsync();
        await UseTheSearchPage(watched, site.FileUrl("search.html"));
    }

    [Fact]
    public async Task Search_works_from_a_host_under_a_sub_path()
    {
        using var server = new StaticServer(site.Output);
        var watched = await chromium.OpenAsync();
        await UseTheSearchPage(watched, server.BaseUrl + "search.html");
        watched.Requests.Should().OnlyContain(url => url.StartsWith(server.BaseUrl));
    }

    private static async Task UseTheSearchPage(WatchedPage watched, string url)
    {
        var page = watched.Page;
        await page.GotoAsync(url);
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync("行政复议", new KeyboardTypeOptions { Delay = 30 });

        // Typing runs searches for partial input too: wait for the status of the whole query.
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("找到 3 份报告");
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(3);
        (await page.Locator("#search-results mark").AllTextContentsAsync()).Should().OnlyContain(m => m == "行政复议").And.NotBeEmpty();
        page.Url.Should().Contain("q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE");

        // A facet filters, is pressed, and goes into the URL.
        await page.ClickAsync("#search-facets button:has-text('山东省')");
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(1);
        (await page.GetAttributeAsync("#search-facets button:has-text('山东省')", "aria-pressed")).Should().Be("true");
        page.Url.Should().Contain("province=");

        // Back returns to the unfiltered results; a reload of a shared link restores the filtered state.
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(3);
        await page.GotoAsync(url + "?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&province=%E5%B1%B1%E4%B8%9C%E7%9C%81");
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(1);
        (await page.InputValueAsync("#q")).Should().Be("行政复议");

        // The result links lead to the report.
        await page.ClickAsync("#search-results a.report-title");
        (await page.TextContentAsync("h1")).Should().Be("安丘经济开发区2017年度法治政府建设工作落实情况汇报");
        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Results_are_paged_ten_at_a_time_and_sortable_by_date()
    {
        using var paged = TestSite.WithTemplates();
        for (var i = 1; i <= 23; i++)
            paged.AddReport($"r{i:00}", Reports.FrontMatter(title: $"第{i}号报告", published: new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd")), "依法行政工作取得成效。\n");
        paged.Build();

        var watched = await chromium.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(Path.Combine(paged.Output, "search.html")).AbsoluteUri + "?q=%E4%BE%9D%E6%B3%95%E8%A1%8C%E6%94%BF&sort=date");
        await page.WaitForSelectorAsync("#search-results li");
        (await page.Locator("#search-results li").CountAsync()).Should().Be(10);
        (await page.TextContentAsync("#search-results li a")).Should().Be("第23号报告");
        (await page.Locator("#search-pages li button").CountAsync()).Should().Be(3);

        await page.ClickAsync("#search-pages button:has-text('3')");
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(3);
        (await page.Locator("#search-results li a").AllTextContentsAsync()).Should().Equal("第3号报告", "第2号报告", "第1号报告");
        page.Url.Should().Contain("page=3").And.Contain("sort=date");
        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_is_usable_with_the_keyboard_alone()
    {
        var watched = await chromium.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(site.FileUrl("search.html"));
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync("行政复议");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(3);

        // Tab reaches a facet, Space applies it; Shift+Tab then reaches the first result (results come before the
        // filters in tab order), Enter opens it.
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement.textContent") is var text && !text.StartsWith("山东省"); i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(1);
        for (var i = 0; i < 20 && !await page.EvaluateAsync<bool>("document.activeElement.matches('#search-results a')"); i++)
            await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("安丘经济开发区2017年度法治政府建设工作落实情况汇报");

        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_search_box_in_every_page_header_leads_to_results()
    {
        var watched = await chromium.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(site.FileUrl("reports/441204-2021-annual-report-9bff11.html"));
        await page.FillAsync("#site-q", "安经开〔2018〕7号");
        await page.PressAsync("#site-q", "Enter");
        await page.WaitForSelectorAsync("#search-results li");
        (await page.Locator("#search-results li").CountAsync()).Should().Be(1);
        (await page.InnerHTMLAsync("#search-results li .snippet")).Should().Contain("<mark>");
        watched.Errors.Should().BeEmpty();
    }
}
