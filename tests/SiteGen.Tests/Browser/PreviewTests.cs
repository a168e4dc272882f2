using FluentAssertions;
using Microsoft.Playwright;
using SiteGen.Preview;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>sitegen serve as an editor uses it: save, and the open page changes by itself.</summary>
public sealed class PreviewTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Report = "content/reports/441204-2021-annual-report-9bff11.md";
    private readonly TestSite _site = TestSite.CopyOfRepository();
    private readonly StringWriter _log = new();
    private PreviewServer _server = null!;

    public async Task InitializeAsync() =>
        // A longer quiet period than the default, so a loaded test machine still sees a burst as one.
        _server = await PreviewServer.StartAsync(new PreviewOptions(_site.Root, Port: 0)
        {
            Log = TextWriter.Synchronized(_log),
            Quiet = TimeSpan.FromMilliseconds(400),
        });

    private string PageUrl => _server.Url + "reports/441204-2021-annual-report-9bff11.html";

    private void Edit(Func<string, string> change)
    {
        var path = Path.Combine(_site.Root, Report);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    [Fact]
    public async Task A_saved_edit_shows_in_the_open_page_without_a_manual_reload()
    {
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(PageUrl);
        await Assertions.Expect(watched.Page.Locator("h1")).ToHaveTextAsync("高要区2021年法治政府建设年度报告");

        Edit(text => text.Replace("title: 高要区2021年法治政府建设年度报告", "title: 高要区2021年法治政府建设年度报告（修订稿）"));

        await Assertions.Expect(watched.Page.Locator("h1")).ToHaveTextAsync("高要区2021年法治政府建设年度报告（修订稿）");
        watched.Errors.Should().BeEmpty();
        var rebuild = System.Text.RegularExpressions.Regex.Matches(_log.ToString(), @"\((\d+) files made, (\d+) unchanged\)").Last();
        Directory.Exists(Path.Combine(_site.Root, ".sitegen/preview/download")).Should().BeFalse("the preview does without the offline zip");
        int.Parse(rebuild.Groups[2].Value).Should().BeGreaterThanOrEqualTo(20,
            "the rebuild after a title edit reuses the other reports' pages and sources, the assets and the pages that do not list it");
    }

    [Fact]
    public async Task A_broken_save_shows_the_error_page_and_the_next_good_save_recovers()
    {
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(PageUrl);
        var original = File.ReadAllText(Path.Combine(_site.Root, Report));

        Edit(text => text.Replace("year: 2021", "year: 二〇二一"));
        await Assertions.Expect(watched.Page.Locator("h1")).ToHaveTextAsync("构建失败");
        await Assertions.Expect(watched.Page.Locator("#sitegen-problems")).ToContainTextAsync($"{Report}:4:7");
        _log.ToString().Should().Contain($"{Report}:4:7: field 'year' is '二〇二一'");

        Edit(_ => original);
        await ShowsTheReportAgain(watched.Page);
    }

    [Fact]
    public async Task A_broken_template_shows_its_file_line_and_column_in_the_error_page()
    {
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(PageUrl);
        var template = Path.Combine(_site.Root, "templates/report.sbn-html");
        var original = File.ReadAllText(template);

        File.WriteAllText(template, original.Replace("<h1>{{ heading }}</h1>", "<h1>{{ headnig }}</h1>"));
        await Assertions.Expect(watched.Page.Locator("h1")).ToHaveTextAsync("构建失败");
        await Assertions.Expect(watched.Page.Locator("#sitegen-problems")).ToContainTextAsync("templates/report.sbn-html:3:10");
        await Assertions.Expect(watched.Page.Locator("#sitegen-problems")).ToContainTextAsync("headnig");

        File.WriteAllText(template, original);
        await ShowsTheReportAgain(watched.Page);
    }

    /// <summary>The open page recovers from a failed build; if it does not, the preview's log says what each build did.</summary>
    private async Task ShowsTheReportAgain(Microsoft.Playwright.IPage page)
    {
        try { await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("高要区2021年法治政府建设年度报告"); }
        catch (Microsoft.Playwright.PlaywrightException e) { throw new Xunit.Sdk.XunitException($"{e.Message}\nthe preview's log:\n{_log}"); }
    }

    [Fact]
    public async Task A_burst_of_saves_causes_one_rebuild()
    {
        var before = _server.State.Version;
        for (var i = 0; i < 5; i++)
        {
            _site.AddReport($"burst-{i}", Reports.FrontMatter(title: $"连续保存{i}"));
            await Task.Delay(10);
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_server.State.Version == before && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(1000); // any second build would have started by now
        _server.State.Version.Should().Be(before + 1);
        _server.State.Failed.Should().BeFalse();
    }

    [Fact]
    public async Task Search_works_in_the_preview_as_on_the_host()
    {
        var watched = await chromium.OpenAsync();
        await watched.Page.GotoAsync(_server.Url + "search.html?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE");
        await Assertions.Expect(watched.Page.Locator("#search-results li")).ToHaveCountAsync(3);
        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_reload_script_exists_only_in_the_preview_not_in_the_built_site()
    {
        var html = await new HttpClient().GetStringAsync(PageUrl);
        html.Should().Contain(LiveReload.ScriptPath);
        _site.Build();
        Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("__sitegen")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_folder_redirect_stays_on_the_preview_and_a_nul_is_a_missing_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var origin = _server.Url.TrimEnd('/');

        // Once answered "Location: //evil.example/%2e%2e/reports/", which a browser follows to another host.
        var redirect = await client.GetAsync(origin + "//evil.example/%252e%252e/reports");
        ((int)redirect.StatusCode).Should().BeInRange(301, 308);
        redirect.Headers.Location!.OriginalString.Should().Be("/reports/");

        (await client.GetAsync(origin + "/%2500")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await client.GetAsync(origin + "/reports%5C..%5Cindex.html")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pages_and_the_error_page_are_sent_with_a_content_security_policy_header()
    {
        using var client = new HttpClient();
        foreach (var url in new[] { PageUrl, _server.Url + "no-such-page.html" })
            (await client.GetAsync(url)).Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'", url);

        var original = File.ReadAllText(Path.Combine(_site.Root, Report));
        Edit(text => text.Replace("year: 2021", "year: 二〇二一"));
        var failed = await WaitFor(async () => await client.GetAsync(PageUrl) is { StatusCode: System.Net.HttpStatusCode.InternalServerError } r ? r : null);
        failed.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
        Edit(_ => original);
    }

    private static async Task<T> WaitFor<T>(Func<Task<T?>> probe) where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("the preview never got there");
    }

    [Fact]
    public async Task A_busy_port_gets_a_clear_message()
    {
        var port = new Uri(_server.Url).Port;
        var start = () => PreviewServer.StartAsync(new PreviewOptions(_site.Root, Port: port) { OutputPath = Path.Combine(_site.Root, "other") });
        (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage($"127.0.0.1:{port} is already in use*--port*");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _site.Dispose();
    }
}
