using FluentAssertions;
using SiteGen.Tests.Research;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>The compliance pages' filters, in Chromium from file://: no server, the tables recomputed in the page.</summary>
public sealed class ComplianceBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Choosing_a_level_or_province_recomputes_the_tables_and_filters_a_years_list()
    {
        using var site = ResearchPagesTests.Site();
        site.AddReport("shandong-2021", """
            title: 山东省2021年法治政府建设年度报告
            doc_type: 年度报告
            year: 2021
            level: 省级
            region:
              province: 山东省
            date_published: 2022-03-01
            """);
        site.Build();
        var watched = await chromium.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync(new Uri(Path.Combine(site.Output, "compliance/index.html")).AbsoluteUri);
        (await page.IsVisibleAsync("#compliance-filters")).Should().BeTrue("the script shows the filters");
        foreach (var c in ComplianceVectorsTests.Cases)
            (await page.EvaluateAsync<string>("([p, w]) => SiteGenComplianceMath.percent(p, w)", new[] { c!["part"]!.GetValue<int>(), c["whole"]!.GetValue<int>() }))
                .Should().Be(c["text"]!.GetValue<string>(), $"compliance.js: {c["part"]} of {c["whole"]} (tests/vectors/compliance.json)");
        (await Row(page, "#compliance-0")).Should().StartWith("2021|4|3|2|1|66.7%");
        await page.SelectOptionAsync("#compliance-filters select[name=province]", "山东省");
        (await Row(page, "#compliance-0")).Should().StartWith("2021|1|1|1|0|100%");
        (await page.TextContentAsync("#compliance-1 tbody")).Should().Contain("山东省").And.NotContain("广东省");
        await page.SelectOptionAsync("#compliance-filters select[name=province]", "");
        await page.SelectOptionAsync("#compliance-filters select[name=level]", "县级");
        (await Row(page, "#compliance-0")).Should().StartWith("2021|3|2|1|1|50%");
        (await page.TextContentAsync("#compliance-status")).Should().Be("符合条件的报告 3 份。");

        await page.GotoAsync(new Uri(Path.Combine(site.Output, "compliance/2021.html")).AbsoluteUri);
        await page.SelectOptionAsync("#compliance-list-filters select[name=province]", "山东省");
        (await page.Locator("#compliance-list tbody tr:visible").AllTextContentsAsync()).Should().ContainSingle()
            .Which.Should().StartWith("山东省2021年", "on time, but it lacks the required sections");
        await page.SelectOptionAsync("#compliance-list-filters select[name=province]", "广东省");
        (await page.Locator("#compliance-list tbody tr:visible").CountAsync()).Should().Be(2);
        (await page.TextContentAsync("#compliance-status")).Should().Be("显示 2 份，共 3 份。");
        watched.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_provinces_part_of_a_long_years_list_filters_by_level_and_is_reached_from_the_years_page()
    {
        using var site = ResearchPagesTests.LongYearSite();
        site.Build();
        var watched = await chromium.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync(new Uri(Path.Combine(site.Output, "compliance/2021.html")).AbsoluteUri);
        await page.ClickAsync("table.compliance-parts a:text('广西壮族自治区')");
        (await page.TextContentAsync("h1")).Should().Contain("广西壮族自治区");
        (await page.IsVisibleAsync("#compliance-list-filters")).Should().BeTrue("the script shows the level filter");
        await page.SelectOptionAsync("#compliance-list-filters select[name=level]", "市级");
        (await page.Locator("#compliance-list tbody tr:visible").CountAsync()).Should().Be(40);
        (await page.TextContentAsync("#compliance-status")).Should().Be("显示 40 份，共 100 份。");
        watched.Errors.Should().BeEmpty();
    }

    private static async Task<string> Row(Microsoft.Playwright.IPage page, string table) =>
        string.Join("|", await page.Locator($"{table} tbody tr").First.Locator("th, td").AllTextContentsAsync());
}
