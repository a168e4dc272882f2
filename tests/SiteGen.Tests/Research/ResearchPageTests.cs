using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Research;

/// <summary>The report page's research panel and citation, as a reader sees them.</summary>
public class ResearchPageTests
{
    private const string Shared = "全面落实行政执法三项制度，全年开展行政执法案卷评查两次，评查案卷一百二十卷，发现问题十五个，已全部整改到位，执法规范化水平明显提升。";

    private static string Body(string own, string shared) => $"""
        ## 一、主要举措和成效

        {own}

        {shared}

        ## 二、存在的不足和原因

        个别部门重视不够。
        """;

    private static TestSite Site()
    {
        var site = TestSite.WithTemplates();
        site.AddReport("late-2021", """
            title: 甲县2021年法治政府建设年度报告
            doc_type: 年度报告
            year: 2021
            publisher: 甲县人民政府
            date_published: 2022-04-01
            """, Body("甲县自己的一段话，写得足够长，说明甲县在这一年里做了哪些与众不同的工作，别的报告里都没有。", Shared));
        site.AddReport("copy-2021", """
            title: 乙县2021年法治政府建设年度报告
            doc_type: 年度报告
            year: 2021
            date_published: 2022-03-31
            """, Body("乙县自己的一段话，同样足够长，讲的是乙县的行政复议工作，受理案件四十件，纠错六件，与甲县不同。", Shared.Replace("，", ", ")));
        return site;
    }

    [Fact]
    public void The_panel_says_how_late_which_sections_are_there_and_what_is_shared()
    {
        using var site = Site();
        site.Build();
        var page = new HtmlParser().ParseDocument(site.ReadOutput("reports/late-2021.html"));
        var panel = page.QuerySelector("section.analysis")!;

        panel.QuerySelector(".timeliness")!.TextContent.Should().Contain("逾期 1 天发布").And.Contain("2022年3月31日");
        var found = panel.QuerySelectorAll(".sections .found a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        found.Should().Equal(("一、主要举措和成效", "#sec-1"), ("二、存在的不足和原因", "#sec-2"));
        page.GetElementById("sec-2")!.TextContent.Should().Be("二、存在的不足和原因");
        panel.QuerySelectorAll(".sections .missing").Select(li => li.TextContent).Should().Contain("缺 · 下一年度主要安排");
        var shared = panel.QuerySelector("details.shared")!;
        shared.QuerySelector("summary")!.TextContent.Should().Be("1 段与其他报告相同");
        shared.QuerySelector("a")!.GetAttribute("href").Should().Be("../reports/copy-2021.html");

        new HtmlParser().ParseDocument(site.ReadOutput("reports/copy-2021.html")).QuerySelector(".timeliness")!
            .TextContent.Should().Contain("按时发布，于截止日当天");
    }

    [Fact]
    public void The_citation_is_in_gbt_7714_form_with_bibtex_and_csl_json()
    {
        using var site = Site();
        site.Build();
        var page = new HtmlParser().ParseDocument(site.ReadOutput("reports/late-2021.html"));

        page.QuerySelector(".citation .gbt")!.TextContent.Should().Be(
            "甲县人民政府. 甲县2021年法治政府建设年度报告[EB/OL]. (2022-04-01)[引用日期]. https://example.org/fazhi/reports/late-2021.html.");
        var pre = page.QuerySelectorAll(".citation pre").Select(p => p.TextContent).ToList();
        pre[0].Should().StartWith("@online{late-2021,").And.Contain("author = {{甲县人民政府}}");
        System.Text.Json.JsonDocument.Parse(pre[1]).RootElement.GetProperty("issued").GetProperty("date-parts")[0][1].GetInt32().Should().Be(4);
    }

    [Fact]
    public void Editing_a_report_so_it_no_longer_copies_updates_the_other_reports_page_as_a_cold_build_would()
    {
        using var site = Site();
        site.Build();
        site.AddReport("copy-2021", """
            title: 乙县2021年法治政府建设年度报告
            doc_type: 年度报告
            year: 2021
            date_published: 2022-03-31
            """, Body("乙县自己的一段话，同样足够长，讲的是乙县的行政复议工作，受理案件四十件，纠错六件，与甲县不同。", "乙县今年改写了这一段，讲的是公共法律服务体系建设，新建村居法律顾问工作室一百二十个，全年提供法律咨询三千余次。"));
        site.Build();

        site.ReadOutput("reports/late-2021.html").Should().NotContain("与其他报告相同");
        site.ShouldMatchColdBuild();
    }
}
