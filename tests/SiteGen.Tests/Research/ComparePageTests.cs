using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Research;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Research;

/// <summary>compare/: a region's reports of successive years, section by section, with insertions and deletions marked.</summary>
public class ComparePageTests
{
    private static string Body(string measures) => $"""
        ## 一、主要举措和成效

        {measures}

        全面推行行政执法三项制度。

        ## 二、存在的不足和原因

        个别部门重视不够，法治队伍力量薄弱。

        ## 三、下一年度主要安排

        继续推进法治政府建设。
        """;

    private static TestSite Site()
    {
        var site = TestSite.WithTemplates();
        foreach (var (year, measures) in new[] { (2020, "全年办理行政复议案件30件。"), (2021, "全年办理行政复议案件45件，纠错6件。") })
            site.AddReport($"gaoyao-{year}", $"""
                title: 高要区{year}年法治政府建设年度报告
                doc_type: 年度报告
                year: {year}
                region:
                  province: 广东省
                  city: 肇庆市
                  county: 高要区
                  code: "441204"
                """, Body(measures));
        return site;
    }

    [Fact]
    public void Each_year_is_set_beside_the_year_before_with_changes_marked_section_by_section()
    {
        using var site = Site();
        site.Build();
        var page = new HtmlParser().ParseDocument(site.ReadOutput("compare/441204.html"));
        var pair = page.GetElementById("gaoyao-2021")!;

        pair.QuerySelector("h2")!.TextContent.Should().Be("2021年 与 2020年");
        pair.QuerySelectorAll("h3").Select(h => h.TextContent).Should().Equal("主要举措和成效", "存在的不足和原因（与上一份完全相同）", "下一年度主要安排（与上一份完全相同）");
        var changed = pair.QuerySelector("table.diff tr.changed")!;
        changed.QuerySelectorAll("del").Select(d => d.TextContent).Should().Equal("30");
        string.Concat(changed.QuerySelectorAll("ins").Select(i => i.TextContent)).Should().Contain("45").And.Contain("纠错6");
        pair.QuerySelectorAll("table.diff")[0].QuerySelectorAll("tr.same").Should().HaveCount(1, "the unchanged paragraph is shown as it is");

        var report = new HtmlParser().ParseDocument(site.ReadOutput("reports/gaoyao-2021.html"));
        report.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Contain("../compare/441204.html#gaoyao-2021");
        site.ReadOutput("reports/gaoyao-2020.html").Should().NotContain("与上一年对比", "2020 has no earlier report");
        site.ReadOutput("sitemap.xml").Should().Contain("https://example.org/fazhi/compare/441204.html");
    }

    [Fact]
    public void Editing_the_earlier_report_remakes_the_comparison_as_a_cold_build_would()
    {
        using var site = Site();
        site.Build();
        site.AddReport("gaoyao-2020", """
            title: 高要区2020年法治政府建设年度报告
            doc_type: 年度报告
            year: 2020
            region:
              province: 广东省
              city: 肇庆市
              county: 高要区
              code: "441204"
            """, Body("全年办理行政复议案件45件，纠错6件。"));
        site.Build();

        new HtmlParser().ParseDocument(site.ReadOutput("compare/441204.html")).QuerySelectorAll("h3 ").First().TextContent
            .Should().Be("主要举措和成效（与上一份完全相同）");
        site.ShouldMatchColdBuild();
    }

    [Fact]
    public void Unrelated_paragraphs_in_the_same_place_are_shown_whole_not_marked_character_by_character()
    {
        var line = SectionComparison.Compare("全年办理行政复议案件30件，纠错3件。", "公共法律服务体系不断完善，新建村居法律顾问工作室。").Single();
        line.Kind.Should().Be("changed");
        line.Older.Should().ContainSingle().Which.Changed.Should().BeTrue();
        line.Newer.Should().ContainSingle().Which.Text.Should().Be("公共法律服务体系不断完善，新建村居法律顾问工作室。");
    }

    [Fact]
    public void Paragraphs_only_in_one_year_are_deleted_or_inserted_whole()
    {
        var lines = SectionComparison.Compare("相同的一段。\n去年才有的一段。", "相同的一段。\n今年新写的一段。\n今年又加的一段。");
        lines[0].Kind.Should().Be("same");
        lines.Skip(1).Select(l => l.Kind).Should().Contain("inserted");
        lines.SelectMany(l => l.Older).Where(p => p.Changed).Should().NotBeEmpty();
    }
}
