using System.IO.Compression;
using FluentAssertions;
using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// An archive of 60 reports across years, provinces and types, built once, hosted at /archive/ (a host that
/// shows 404.html for a missing address, as hosts do) and unzipped from its offline copy.
/// </summary>
public sealed class ReaderSite : IDisposable
{
    public const string Query = "依法行政";
    private readonly TestSite _site = TestSite.WithTemplates();

    public string Output => _site.Output;
    public string Unzipped { get; }
    public StaticServer Server { get; }

    public ReaderSite()
    {
        _site.Write("site.yml", "title: 报告库\nbase_url: https://example.org/archive/\noffline_zip: {enabled: true, name: copy}\n");
        string[] provinces = ["广东省", "山东省", "浙江省", "江苏省", "河南省"];
        string[] types = ["年度报告", "情况报告", "工作要点"];
        for (var i = 0; i < 60; i++)
        {
            var year = 2016 + i % 8;
            var body = string.Join("\n\n", Enumerable.Range(0, 8).Select(p =>
                p % 3 == 1 ? $"第{p}段：本县坚持{Query}，推进严格规范公正文明执法。" : $"第{p}段：加强行政复议和行政应诉工作，化解行政争议。"));
            _site.AddReport($"r{i:00}", Reports.FrontMatter(title: $"第{i}县{year}年法治政府建设报告", year: year,
                published: $"{year + 1}-03-{1 + i % 28:00}", province: provinces[i % provinces.Length], city: $"第{i % 7}市",
                county: $"第{i}县", publisher: $"第{i}县人民政府", docType: types[i % types.Length]), "## 一、主要举措\n\n" + body + "\n");
        }
        _site.Build();
        Unzipped = Path.Combine(_site.Root, "unzipped");
        ZipFile.ExtractToDirectory(Path.Combine(Output, "download/copy.zip"), Unzipped);
        Server = new StaticServer(Output, "/archive/", notFoundPage: true);
    }

    public string Http(string path) => Server.BaseUrl + path;
    public string Offline(string path) => new Uri(Path.Combine(Unzipped, "copy", path)).AbsoluteUri;

    public void Dispose()
    {
        Server.Dispose();
        _site.Dispose();
    }
}

/// <summary>What a reader meets on a phone, on a desktop, on a host and offline (issue 17, items 1–5).</summary>
public sealed class ReaderTests(Chromium chromium, ReaderSite site) : IClassFixture<Chromium>, IClassFixture<ReaderSite>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> Open(ViewportSize viewport)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, HasTouch = viewport.Width < 500 });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add("page: " + e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        return (context, page, errors);
    }

    private static async Task<double> Top(IPage page, string selector) =>
        await page.EvalOnSelectorAsync<double>(selector, "e => e.getBoundingClientRect().top + window.scrollY");

    /// <summary>Tab stops from the top of the page until focus reaches <paramref name="selector"/>.</summary>
    private static async Task<int> TabsTo(IPage page, string selector)
    {
        await page.EvaluateAsync("() => { document.activeElement && document.activeElement.blur(); window.getSelection().removeAllRanges(); }");
        for (var tabs = 1; tabs <= 200; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector)) return tabs;
        }
        return int.MaxValue;
    }

    [Fact]
    public async Task On_a_phone_the_results_come_first_and_the_filters_fold_with_active_ones_as_chips()
    {
        var (context, page, errors) = await Open(Phone);
        await using var _ = context;
        await page.GotoAsync(site.Http("search.html?q=" + Uri.EscapeDataString(ReaderSite.Query)));
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(10);

        (await Top(page, "#search-results li")).Should().BeLessThan(Phone.Height, "the first result shows on the first screen");
        (await page.EvalOnSelectorAsync<bool>("#search-filters", "d => d.open")).Should().BeFalse();
        (await TabsTo(page, "#search-results li a")).Should().BeLessThan(20);

        await page.ClickAsync("#search-filters summary");
        await page.ClickAsync("#search-facets [data-facet='year:2020']");
        await Assertions.Expect(page.Locator("#search-chips .chip")).ToHaveTextAsync("年度：2020年");
        (await page.Locator("#search-results li").CountAsync()).Should().BeGreaterThan(0);
        page.Url.Should().Contain("year=2020");
        await page.ClickAsync("#search-chips .chip");
        await Assertions.Expect(page.Locator("#search-chips .chip")).ToHaveCountAsync(0);
        page.Url.Should().NotContain("year=");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_desktop_the_filters_stand_open_beside_the_results()
    {
        var (context, page, errors) = await Open(Desktop);
        await using var _ = context;
        await page.GotoAsync(site.Http("search.html?q=" + Uri.EscapeDataString(ReaderSite.Query)));
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(10);
        (await page.EvalOnSelectorAsync<bool>("#search-filters", "d => d.open")).Should().BeTrue();
        var filters = await page.Locator("#search-filters").BoundingBoxAsync();
        var results = await page.Locator("#search-results").BoundingBoxAsync();
        (filters!.X + filters.Width).Should().BeLessThanOrEqualTo(results!.X, "the filters are a column left of the results");
        // Years read as a timeline.
        var years = await page.Locator("#search-facets [data-facet^='year:']").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.facet.slice(5))");
        years.Should().BeInDescendingOrder();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_pages_link_the_first_last_and_nearby_pages_and_move_focus_to_the_results()
    {
        var (context, page, errors) = await Open(Phone);
        await using var _ = context;
        await page.GotoAsync(site.Http("search.html?q=" + Uri.EscapeDataString(ReaderSite.Query) + "&page=4"));
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(10);
        // 20 matching reports would be 2 pages; 60 are 6: first, 2–6 near 4, last, with previous and next.
        (await page.Locator("#search-pages li button").AllTextContentsAsync()).Should().Equal("1", "2", "3", "4", "5", "6");
        (await page.Locator("#search-pages > button").AllTextContentsAsync()).Should().Equal("← 上一页", "下一页 →");
        await page.GotoAsync(site.Http("search.html?q=" + Uri.EscapeDataString(ReaderSite.Query)));
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(10);
        (await page.Locator("#search-pages li button").AllTextContentsAsync()).Should().Equal("1", "2", "3", "6");

        await page.ClickAsync("#search-pages >> text=下一页 →");
        await Assertions.Expect(page.Locator("#search-pages [aria-current=page]")).ToHaveTextAsync("2");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("search-main");
        page.Url.Should().Contain("page=2");
        errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_result_opens_its_report_at_the_first_match_with_every_match_marked(bool offline)
    {
        var (context, page, errors) = await Open(Phone);
        await using var _ = context;
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        var search = offline ? site.Offline("search.html") : site.Http("search.html");
        await page.GotoAsync(search + "?q=" + Uri.EscapeDataString("行政 " + ReaderSite.Query));
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(10);
        await page.ClickAsync("#search-results li a");
        await page.WaitForSelectorAsync(".find-bar");
        page.Url.Should().Contain("#q=");

        var marks = await page.Locator("#report-body mark").AllTextContentsAsync();
        marks.Should().Contain(ReaderSite.Query).And.Contain("行政");
        marks.Should().OnlyContain(m => m == ReaderSite.Query || m == "行政" || m.Contains("行政"));
        var first = await page.Locator("#report-body mark.find-current").First.BoundingBoxAsync();
        first!.Y.Should().BeInRange(0, Phone.Height, "the page opens scrolled to the first match");
        (await page.TextContentAsync(".find-bar [role=status]")).Should().Contain("第 1 处");

        await page.ClickAsync(".find-bar >> text=下一处");
        (await page.TextContentAsync(".find-bar [role=status]")).Should().Contain("第 2 处");
        errors.Should().BeEmpty();
        // Nothing is loaded beyond the report page's own files.
        requests.Should().OnlyContain(u => u.StartsWith(offline ? "file://" : site.Server.BaseUrl));
    }

    [Fact]
    public async Task A_report_opened_without_a_query_is_unchanged()
    {
        var (context, page, errors) = await Open(Phone);
        await using var _ = context;
        await page.GotoAsync(site.Offline("reports/r01.html"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        (await page.Locator("mark, .find-bar").CountAsync()).Should().Be(0);
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_404_page_works_at_any_depth_on_a_host()
    {
        var (context, page, errors) = await Open(Desktop);
        await using var _ = context;
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);
        var response = await page.GotoAsync(site.Http("reports/2021/no-such-report.html"));
        response!.Status.Should().Be(404);
        (await page.TextContentAsync("h1")).Should().Be("页面不存在");
        // The stylesheet loaded: the header carries the archive's red rule.
        (await page.EvalOnSelectorAsync<string>(".site-header", "e => getComputedStyle(e).borderTopColor")).Should().Be("rgb(155, 28, 28)");
        await page.ClickAsync("main >> text=返回首页");
        (await page.TextContentAsync("h1")).Should().Be("报告库");
        page.Url.Should().Be(site.Http("index.html"));
        failed.Should().BeEmpty();
    }

    [Fact]
    public async Task The_offline_copy_has_no_broken_link_and_says_which_build_it_is()
    {
        var root = Path.Combine(site.Unzipped, "copy");
        var broken = new List<string>();
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories))
        {
            foreach (var a in parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("[href], [src]"))
            {
                var link = (a.GetAttribute("href") ?? a.GetAttribute("src"))!.Split('#')[0].Split('?')[0];
                if (link.Length == 0 || link.StartsWith("http") || link.StartsWith("data:")) continue;
                if (!File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(link)))))
                    broken.Add($"{Path.GetRelativePath(root, file)} -> {link}");
            }
        }
        broken.Should().BeEmpty();

        var (context, page, errors) = await Open(Desktop);
        await using var _ = context;
        await page.GotoAsync(site.Offline("reports/r01.html"));
        await page.ClickAsync("footer >> text=下载离线版");
        (await page.TextContentAsync("main")).Should().Contain("离线副本").And.Contain("60 份报告").And.Contain("https://example.org/archive/");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_query_without_results_offers_tips_and_no_sort_menu()
    {
        var (context, page, errors) = await Open(Phone);
        await using var _ = context;
        await page.GotoAsync(site.Http("search.html?q=" + Uri.EscapeDataString("量子纠缠")));
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("没有找到");
        (await page.IsVisibleAsync("#search-tools")).Should().BeFalse("a sort menu over nothing is noise");
        (await page.IsVisibleAsync("#search-filters")).Should().BeFalse();
        (await page.IsVisibleAsync("#search-empty")).Should().BeTrue();
        await page.ClickAsync("#search-empty >> text=按年度");
        (await page.TextContentAsync("h1")).Should().Be("按年度");

        await page.GotoAsync(site.Http("search.html"));
        (await page.IsVisibleAsync("#search-tools")).Should().BeFalse("an empty page has nothing to sort");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Printed_results_use_the_full_width()
    {
        var (context, page, errors) = await Open(Desktop);
        await using var _ = context;
        await page.GotoAsync(site.Http("search.html?q=" + Uri.EscapeDataString(ReaderSite.Query)));
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(10);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var main = await page.Locator("main").BoundingBoxAsync();
        var results = await page.Locator("#search-results").BoundingBoxAsync();
        results!.Width.Should().BeApproximately(main!.Width, 2, "no empty filter column is printed");
        (await page.IsVisibleAsync("#search-filters")).Should().BeFalse();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Results_show_dates_as_the_listings_do()
    {
        var (context, page, errors) = await Open(Desktop);
        await using var _ = context;
        await page.GotoAsync(site.Http("search.html?q=" + Uri.EscapeDataString("第13县") + "&sort=date"));
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(1);
        (await page.TextContentAsync("#search-results time")).Should().Be("2022年3月14日");
        (await page.GetAttributeAsync("#search-results time", "datetime")).Should().Be("2022-03-14");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_header_search_and_the_search_form_are_told_apart_by_screen_readers()
    {
        var (context, page, errors) = await Open(Desktop);
        await using var _ = context;
        await page.GotoAsync(site.Http("search.html"));
        var names = await page.Locator("[role=search]").EvaluateAllAsync<string[]>("fs => fs.map(f => f.getAttribute('aria-label'))");
        names.Should().HaveCount(2).And.OnlyHaveUniqueItems().And.NotContainNulls();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_large_regions_index_folds_its_provinces_and_a_filter_box_narrows_it_offline()
    {
        var (context, page, errors) = await Open(Phone);
        await using var _ = context;
        await page.GotoAsync(site.Offline("regions/index.html"));
        var all = await page.Locator("main .groups a").CountAsync();
        var shown = await page.Locator("main .groups a:visible").CountAsync();
        shown.Should().Be(5, "the provinces show, their cities fold").And.BeLessThan(all);
        await page.FillAsync("#group-filter", "第13县");
        await Assertions.Expect(page.Locator("#group-filter-status")).ToContainTextAsync("第13县");
        var visible = await page.Locator("main .groups a:visible").AllTextContentsAsync();
        visible.Should().Equal("江苏省", "第6市", "第13县");
        await page.FillAsync("#group-filter", "");
        (await page.Locator("main .groups a:visible").CountAsync()).Should().Be(5);
        errors.Should().BeEmpty();
    }
}
