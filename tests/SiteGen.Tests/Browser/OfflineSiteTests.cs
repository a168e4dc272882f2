using System.IO.Compression;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>An offline reader unzips the download and opens index.html from disk.</summary>
public sealed class OfflineSiteTests : IClassFixture<Chromium>, IDisposable
{
    private readonly Chromium _chromium;
    private readonly TestSite _site = TestSite.CopyOfRepository();
    private readonly string _unzipped;

    public OfflineSiteTests(Chromium chromium)
    {
        _chromium = chromium;
        _site.Build();
        _unzipped = Path.Combine(_site.Root, "unzipped");
        ZipFile.ExtractToDirectory(Path.Combine(_site.Output, "download/fazhi-baogao-ku.zip"), _unzipped);
    }

    private string FileUrl(string path) => new Uri(Path.Combine(_unzipped, "fazhi-baogao-ku", path)).AbsoluteUri;

    [Fact]
    public async Task Browsing_from_disk_reaches_every_kind_of_page_by_clicking()
    {
        var watched = await _chromium.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(FileUrl("index.html"));
        (await page.TitleAsync()).Should().Be("法治政府建设报告库");

        await page.ClickAsync("nav[aria-label=主导航] >> text=按地区");
        (await page.TextContentAsync("h1")).Should().Be("按地区");
        await page.ClickAsync("main >> text=广东省");
        (await page.TextContentAsync("h1")).Should().Be("广东省");
        await page.ClickAsync("main .report-list >> text=高要区2021年法治政府建设年度报告");
        (await page.TextContentAsync("h1")).Should().Be("高要区2021年法治政府建设年度报告");

        await page.ClickAsync(".toc >> text=二、存在问题");
        page.Url.Should().EndWith("#sec-10");
        (await page.IsVisibleAsync("#sec-10")).Should().BeTrue();
        await page.ClickAsync("table.meta >> text=2021年");
        (await page.TextContentAsync("h1")).Should().Be("2021年");

        // The stylesheet loaded: the header carries the archive's red rule.
        var border = await page.EvalOnSelectorAsync<string>(".site-header", "e => getComputedStyle(e).borderTopColor");
        border.Should().Be("rgb(155, 28, 28)");

        watched.Errors.Should().BeEmpty();
        watched.Requests.Should().OnlyContain(url => url.StartsWith("file://"));
    }

    [Fact]
    public async Task Every_unzipped_page_opens_from_disk_without_errors_or_outside_requests()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(_unzipped, "fazhi-baogao-ku"), "*.html", SearchOption.AllDirectories).ToList();
        pages.Should().HaveCountGreaterThan(30);
        var watched = await _chromium.OpenAsync();
        foreach (var file in pages)
        {
            await watched.Page.GotoAsync(new Uri(file).AbsoluteUri);
            (await watched.Page.QuerySelectorAsync("h1")).Should().NotBeNull(file);
        }
        watched.Errors.Should().BeEmpty();
        watched.Requests.Should().OnlyContain(url => url.StartsWith("file://"));
    }

    public void Dispose() => _site.Dispose();
}
