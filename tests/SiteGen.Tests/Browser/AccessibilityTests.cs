using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>axe-core (npm, installed by .ci/run) on each kind of page: no serious or critical violations.</summary>
public sealed class AccessibilityTests(Chromium chromium, SearchSite site) : IClassFixture<Chromium>, IClassFixture<SearchSite>
{
    private static string AxeScript =>
        Path.Combine(TestSite.RepoRoot, "tests/SiteGen.Tests/node_modules/axe-core/axe.min.js") is var path && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} not found: run `npm ci --prefix tests/SiteGen.Tests` (.ci/run does)");

    [Theory]
    [InlineData("index.html")]
    [InlineData("reports/441204-2021-annual-report-9bff11.html")]
    [InlineData("regions/440000/index.html")]
    [InlineData("years/index.html")]
    [InlineData("all/index.html")]
    [InlineData("publishers/index.html")]
    [InlineData("404.html")]
    [InlineData("compliance/index.html")]
    [InlineData("compliance/2021.html")]
    [InlineData("coverage/440000.html")]
    [InlineData("stats/index.html")]
    [InlineData("data/index.html")]
    [InlineData("search.html")]
    [InlineData("search.html?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE")]
    public async Task Pages_have_no_serious_or_critical_violations(string path)
    {
        // axe is injected as an inline script, which the site's own policy forbids: this context alone bypasses it.
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(site.Output, path.Split('?')[0])).AbsoluteUri + (path.Contains('?') ? "?" + path.Split('?')[1] : ""));
        if (path.StartsWith("search.html?")) await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(3);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });

        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) }))");
        var serious = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} {v.GetProperty("nodes")}")
            .ToList();
        serious.Should().BeEmpty(path);
    }

    [Fact]
    public async Task The_check_itself_catches_a_known_violation()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(site.Output, "index.html")).AbsoluteUri);
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = 'data:,'; document.body.appendChild(i); }");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var ids = await page.EvaluateAsync<string[]>("async () => (await axe.run()).violations.map(v => v.id)");
        ids.Should().Contain("image-alt");
    }
}
