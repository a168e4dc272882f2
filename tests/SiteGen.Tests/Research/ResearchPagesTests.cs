using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Research;

/// <summary>compliance/, coverage/ and stats/: what a supervisor or researcher reads off them.</summary>
public class ResearchPagesTests
{
    private const string Sections = "## 一、主要举措和成效\n\n做了工作。\n\n## 二、存在的不足和原因\n\n不足。\n\n## 三、党政主要负责人履行推进法治建设第一责任人职责情况\n\n履职。\n\n## 四、下一年度主要安排\n\n安排。\n";

    /// <summary>Three yearly reports of 2021 in 肇庆市: on time and complete, late and incomplete, undated; and a notice.</summary>
    internal static TestSite Site()
    {
        var site = TestSite.WithTemplates();
        void Add(string slug, string title, string county, string code, string? published, string body) => AddYearly(site, slug, title, "县级",
            $"region:\n  province: 广东省\n  city: 肇庆市\n  county: {county}\n  code: \"{code}\"", published, body);
        Add("gaoyao-2021", "高要区2021年法治政府建设年度报告", "高要区", "441204", "2022-03-31", Sections);
        Add("duanzhou-2021", "端州区2021年法治政府建设年度报告", "端州区", "441202", "2022-04-02", "## 一、主要举措和成效\n\n做了工作。\n");
        Add("dinghu-2021", "鼎湖区2021年法治政府建设年度报告", "鼎湖区", "441203", null, Sections);
        site.AddReport("notice", "title: 某通知\ndoc_type: 通知\nyear: 2021\n");
        return site;
    }

    /// <summary>A 年度报告 of 2021 with its region given as YAML lines (none: the region is not known).</summary>
    private static void AddYearly(TestSite site, string slug, string title, string level, string region, string? published, string body) =>
        site.AddReport(slug, $"title: {title}\ndoc_type: 年度报告\nyear: 2021\nlevel: {level}\n{region}\n"
            + (published is null ? "" : $"date_published: {published}\n"), body);

    [Fact]
    public void A_build_without_the_research_views_makes_none_of_them_but_every_other_page()
    {
        // The stages benchmark's baseline of what the views cost: it must leave out all of them and nothing else.
        using var site = Site();
        site.Build();
        var without = Path.Combine(site.Root, "without");
        SiteGen.Build.SiteBuilder.Build(new SiteGen.Build.BuildOptions(site.Root, without) { ResearchViews = false, UseCache = false });
        string[] Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(f => !f.StartsWith("search/")).Order().ToArray();

        var research = Files(site.Output).Except(Files(without)).ToList();
        research.Should().Contain(["compliance/index.html", "stats/index.html", "coverage/index.html", "data/reports.jsonl", "data/index.html"]);
        research.Should().OnlyContain(f => f.StartsWith("compliance/") || f.StartsWith("stats/") || f.StartsWith("coverage/") || f.StartsWith("compare/") || f.StartsWith("data/"));
        Files(without).Except(Files(site.Output)).Should().BeEmpty();
        // No analysis either: the report page finds none of its sections.
        site.ReadOutput("reports/gaoyao-2021.html").Should().Contain("有 · 主要举措和成效");
        File.ReadAllText(Path.Combine(without, "reports", "gaoyao-2021.html")).Should().NotContain("有 · 主要举措和成效").And.Contain("高要区2021年");
    }

    [Fact]
    public void Compliance_counts_on_time_late_unknown_and_complete_by_year()
    {
        using var site = Site();
        site.Build();
        var page = new HtmlParser().ParseDocument(site.ReadOutput("compliance/index.html"));
        var row = page.QuerySelector("#compliance-0 tbody tr")!.Children.Select(c => c.TextContent).ToList();

        // 年度, 报告数, 发布日期已知, 按时, 逾期, 按时率, 内容完整, 完整率, then each of the five sections.
        row.Should().Equal("2021", "3", "2", "1", "1", "50%", "2", "66.7%", "3", "2", "2", "2", "0");
        page.QuerySelector("#compliance-0 tbody a")!.GetAttribute("href").Should().Be("../compliance/2021.html");
    }

    [Fact]
    public void A_years_page_lists_the_late_the_undated_and_the_incomplete_with_what_they_lack()
    {
        using var site = Site();
        site.Build();
        var rows = new HtmlParser().ParseDocument(site.ReadOutput("compliance/2021.html")).QuerySelectorAll("#compliance-list tbody tr")
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();

        rows.Should().HaveCount(2, "高要区 was on time and complete");
        rows.Should().Contain(r => r.StartsWith("端州区2021年") && r.Contains("逾期 2 天发布") && r.Contains("存在的不足和原因；党政主要负责人履行第一责任人职责情况；下一年度主要安排"));
        rows.Should().Contain(r => r.StartsWith("鼎湖区2021年") && r.Contains("发布日期不详") && r.EndsWith("|—"));
    }

    /// <summary>
    /// More late, undated or incomplete reports of 2021 than a year's page lists (<c>ResearchPlanner.MaxListed</c>):
    /// 200 in 广东省 (with two of <see cref="Site"/>'s), 100 in 广西壮族自治区 (40 of them 市级), 2 whose province is not
    /// known; and <see cref="Site"/>'s report that was on time and complete.
    /// </summary>
    internal static TestSite LongYearSite()
    {
        var site = Site();
        void Add(string slug, string level, string region) =>
            AddYearly(site, slug, $"{slug}2021年法治政府建设年度报告", level, region, null, "## 一、主要举措和成效\n\n做了工作。\n");
        for (var i = 0; i < 198; i++) Add($"gd-{i:000}", "县级", "region:\n  province: 广东省");
        for (var i = 0; i < 100; i++) Add($"gx-{i:000}", i < 40 ? "市级" : "县级", "region:\n  province: 广西壮族自治区");
        for (var i = 0; i < 2; i++) Add($"nowhere-{i}", "县级", "");
        return site;
    }

    [Fact]
    public void A_years_list_too_long_for_one_page_is_split_by_province_each_part_linked_with_its_count()
    {
        using var site = LongYearSite();
        site.Build();
        var year = new HtmlParser().ParseDocument(site.ReadOutput("compliance/2021.html"));

        year.QuerySelector("#compliance-list").Should().BeNull("302 reports are more than a page lists");
        year.QuerySelector("main p, p")!.TextContent.Should().Contain("共有 303 份").And.Contain("其中 302 份");
        var parts = year.QuerySelectorAll("table.compliance-parts tbody tr")
            .Select(r => (Name: r.QuerySelector("a")!.TextContent, Url: r.QuerySelector("a")!.GetAttribute("href")!, Count: r.QuerySelector("td")!.TextContent)).ToList();
        parts.Select(p => $"{p.Name} {p.Count}").Should().Equal("广东省 200", "广西壮族自治区 100", "地区不详 2");
        parts.Should().OnlyContain(p => p.Url.StartsWith("../compliance/2021/") && p.Url.EndsWith(".html"));

        var guangxi = new HtmlParser().ParseDocument(site.ReadOutput(parts[1].Url["../".Length..]));
        var rows = guangxi.QuerySelectorAll("#compliance-list tbody tr").ToList();
        rows.Should().HaveCount(100).And.OnlyContain(r => r.GetAttribute("data-province") == "广西壮族自治区");
        guangxi.QuerySelector("h1")!.TextContent.Should().Contain("广西壮族自治区");
        guangxi.QuerySelector("#compliance-list-filters select[name=province]").Should().BeNull("the page holds one province");
        guangxi.QuerySelector("#compliance-list-filters select[name=level]").Should().NotBeNull();
        guangxi.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).Should().Contain("../../compliance/2021.html");
        new HtmlParser().ParseDocument(site.ReadOutput(parts[2].Url["../".Length..])).QuerySelectorAll("#compliance-list tbody tr")
            .Should().HaveCount(2);
    }

    [Fact]
    public void Coverage_marks_each_regions_year_in_words_with_a_link()
    {
        using var site = Site();
        site.Build();
        var page = new HtmlParser().ParseDocument(site.ReadOutput("coverage/440000.html"));
        var marks = page.QuerySelectorAll("table.coverage a.mark").Select(a => $"{a.GetAttribute("href")} {a.TextContent}").ToList();

        marks.Should().BeEquivalentTo("../reports/gaoyao-2021.html 按时", "../reports/duanzhou-2021.html 逾期", "../reports/dinghu-2021.html 日期不详");
        page.QuerySelectorAll("table.coverage tbody th").Select(th => th.TextContent).Should().Equal("广东省", "肇庆市", "端州区", "鼎湖区", "高要区");
    }

    [Fact]
    public void Stats_draw_each_chart_as_svg_beside_a_table_of_the_same_numbers()
    {
        using var site = Site();
        site.Build();
        var page = new HtmlParser().ParseDocument(site.ReadOutput("stats/index.html"));
        var byType = page.GetElementById("by-type-table")!.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        byType.Should().Equal("年度报告3", "通知1");
        var svg = page.QuerySelector("section[aria-labelledby=by-type-title] svg")!;
        svg.QuerySelectorAll("rect").Select(r => r.GetAttribute("width")).Should().Equal("380", "126.7");
        page.GetElementById("on-time-table")!.TextContent.Should().Contain("50%");
    }
}
