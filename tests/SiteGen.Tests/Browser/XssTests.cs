using FluentAssertions;
using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>Script payloads in every field and in the body: no page, listing or search result may run them.</summary>
public sealed class XssTests(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "'><svg onload=alert(3)>",
        "javascript:alert(4)",
        "</title><script>alert(5)</script>",
        "{{constructor.constructor('alert(6)')()}}",
        "<iframe srcdoc=\"<script>alert(7)</script>\"></iframe>",
        "]]></script><script>alert(8)</script>",
        "\u2028\u2029alert(9)//",
        "<details open ontoggle=alert(10)>",
        "<a href=\"javascript:alert(11)\">点</a>",
        "${alert(12)}",
        "<mark onclick=alert(13)>行政复议</mark>",
    ];

    private readonly TestSite _site = TestSite.WithTemplates();

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\u2028", "\\u2028").Replace("\u2029", "\\u2029") + "\"";

    private void WriteHostileSite()
    {
        for (var i = 0; i < Payloads.Length; i++)
        {
            var p = Payloads[i];
            _site.AddReport($"x{i:00}", $"""
                title: {Quote("行政复议" + p)}
                publisher: {Quote(p)}
                region:
                  province: {Quote(p)}
                  city: {Quote(p + "市")}
                doc_number: {Quote(p)}
                index_number: {Quote(p)}
                keywords: [{Quote(p)}]
                abstract: {Quote(p)}
                year: 2021
                date_published: 2022-01-0{1 + i % 9}
                source:
                  site: {Quote(p)}
                  url: {Quote("https://example.org/\"><script>alert(99)</script>")}
                warnings: [{Quote(p)}]
                """, $"## {p}\n\n行政复议 {p}\n\n[链接](javascript:alert({100 + i})) <b onmouseover=alert({200 + i})>粗</b>\n");
        }
        _site.Build();
    }

    [Fact]
    public async Task No_payload_runs_on_any_page_or_in_search_results()
    {
        WriteHostileSite();
        var page = await chromium.Browser.NewPageAsync();
        var fired = new List<string>();
        page.Dialog += async (_, dialog) => { fired.Add($"{page.Url}: dialog {dialog.Message}"); await dialog.DismissAsync(); };
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) fired.Add($"{page.Url}: blocked by CSP: {message.Text}"); };
        page.PageError += (_, error) => fired.Add($"{page.Url}: error {error}");

        var pages = Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).ToList();
        pages.Should().HaveCountGreaterThan(40);
        foreach (var file in pages)
        {
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            // Hover and click what an injected handler would hang on.
            foreach (var b in await page.QuerySelectorAllAsync(".body b, .body a")) await b.HoverAsync();
        }

        fired.Should().BeEmpty("no page may run a payload");
        await page.GotoAsync(new Uri(Path.Combine(_site.Output, "search.html")).AbsoluteUri);
        foreach (var payload in Payloads.Append("行政复议"))
        {
            await page.FillAsync("#q", payload);
            await page.PressAsync("#q", "Enter");
            await Assertions.Expect(page.Locator("#search-status")).Not.ToHaveTextAsync("正在搜索…");
        }
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync($"找到 {Payloads.Length} 份报告");
        (await page.Locator("#search-results mark").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("#search-results script, #search-results img, #search-results svg, #search-results iframe").CountAsync()).Should().Be(0);

        fired.Should().BeEmpty();
    }

    public void Dispose() => _site.Dispose();
}
