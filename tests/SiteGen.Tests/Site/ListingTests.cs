using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public class ListingTests
{
    private static readonly HtmlParser Parser = new();

    private static List<string> Titles(TestSite site, string page) =>
        Parser.ParseDocument(site.ReadOutput(page)).QuerySelectorAll(".report-list .report-title").Select(a => a.TextContent).ToList();

    [Fact]
    public void All_reports_are_paginated_newest_first_with_working_page_links()
    {
        using var site = TestSite.WithTemplates();
        for (var i = 1; i <= 45; i++)
        {
            var date = new DateOnly(2020, 1, 1).AddDays(i);
            site.AddReport($"r{i:00}", Reports.FrontMatter(title: $"报告{i:00}", published: date.ToString("yyyy-MM-dd"), county: null));
        }
        site.Build();

        var pages = new[] { "all/index.html", "all/page-2.html", "all/page-3.html" };
        pages.Select(p => Titles(site, p).Count).Should().Equal(20, 20, 5);
        Titles(site, "all/index.html").First().Should().Be("报告45");
        Titles(site, "all/page-3.html").Last().Should().Be("报告01");
        File.Exists(Path.Combine(site.Output, "all/page-4.html")).Should().BeFalse();

        var second = Parser.ParseDocument(site.ReadOutput("all/page-2.html"));
        second.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("../all/index.html");
        second.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("../all/page-3.html");
        second.QuerySelector(".pagination [aria-current=page]")!.TextContent.Should().Be("2");
        second.QuerySelector("main")!.TextContent.Should().Contain("共 45 份报告");
    }

    [Fact]
    public void Long_listings_link_the_first_and_last_pages_and_those_near_the_current_one()
    {
        using var site = TestSite.WithTemplates();
        for (var i = 1; i <= 230; i++)
            site.AddReport($"r{i:000}", Reports.FrontMatter(title: $"报告{i:000}", published: new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd"), county: null));
        site.Build();

        string Shown(string page) => string.Join(" ", Parser.ParseDocument(site.ReadOutput(page))
            .QuerySelectorAll(".pagination li").Select(li => li.QuerySelector("[aria-current]") is { } current ? $"[{current.TextContent}]" : li.TextContent));
        Shown("all/index.html").Should().Be("[1] 2 3 … 12");
        Shown("all/page-6.html").Should().Be("1 … 4 5 [6] 7 8 … 12");
        Shown("all/page-12.html").Should().Be("1 … 10 11 [12]");
        Parser.ParseDocument(site.ReadOutput("all/page-6.html")).QuerySelectorAll(".pagination a").Select(a => a.GetAttribute("href"))
            .Should().Equal("../all/page-5.html", "../all/index.html", "../all/page-4.html", "../all/page-5.html", "../all/page-7.html", "../all/page-8.html", "../all/page-12.html", "../all/page-7.html");
    }

    [Fact]
    public void Listings_group_by_year_type_publisher_and_region_with_counts()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter(title: "甲县2020年报告", year: 2020, county: "甲县", code: "441201"));
        site.AddReport("b", Reports.FrontMatter(title: "甲县2021年报告", year: 2021, county: "甲县", code: "441201"));
        site.AddReport("c", Reports.FrontMatter(title: "乙县2021年要点", year: 2021, county: "乙县", docType: "工作要点", publisher: "乙县司法局"));
        site.AddReport("d", Reports.FrontMatter(title: "某市2021年报告", year: 2021, city: "某市", county: null, province: "山东省", publisher: "某市人民政府"));
        site.Build();

        Titles(site, "years/2021/index.html").Should().HaveCount(3);
        Titles(site, "types/work-plan/index.html").Should().Equal("乙县2021年要点");

        var years = Parser.ParseDocument(site.ReadOutput("years/index.html"));
        years.QuerySelectorAll(".groups a").Select(a => a.TextContent).Should().Equal("2021年", "2020年");
        years.QuerySelectorAll(".groups .count").Select(c => c.TextContent).Should().Equal("3", "1");

        // Region codes name the folders: 441201 gives its province 440000 and city 441200.
        var province = Parser.ParseDocument(site.ReadOutput("regions/440000/index.html"));
        province.QuerySelector("h1")!.TextContent.Should().Be("广东省");
        province.QuerySelector("main")!.TextContent.Should().Contain("共 3 份报告");
        province.QuerySelectorAll("#sub-heading ~ .groups > li > a").Select(a => a.TextContent).Should().Equal("肇庆市");
        Titles(site, "regions/441201/index.html").Should().Equal("甲县2021年报告", "甲县2020年报告");

        var regions = Parser.ParseDocument(site.ReadOutput("regions/index.html"));
        regions.QuerySelectorAll(".groups a").Select(a => a.TextContent)
            .Should().Equal("广东省", "肇庆市", "甲县", "乙县", "山东省", "某市");

        var publishers = Parser.ParseDocument(site.ReadOutput("publishers/index.html"));
        publishers.QuerySelectorAll(".groups a").Select(a => a.TextContent).First().Should().Be("某县人民政府");
    }

    [Fact]
    public void A_report_page_shows_metadata_contents_and_its_neighbours_in_the_same_region()
    {
        using var site = TestSite.WithTemplates();
        foreach (var year in new[] { 2019, 2020, 2021 })
            site.AddReport($"y{year}", Reports.FrontMatter(title: $"某县{year}年报告", year: year, published: $"{year + 1}-02-01",
                extra: "doc_number: 某府〔2022〕1号"), "## 一、主要工作\n\n### （一）加强领导\n\n正文。\n\n## 二、存在问题\n\n正文。\n");
        site.AddReport("other", Reports.FrontMatter(title: "另一县报告", county: "另一县"));
        site.Build();

        var page = Parser.ParseDocument(site.ReadOutput("reports/y2020.html"));
        page.QuerySelector("h1")!.TextContent.Should().Be("某县2020年报告");
        var meta = page.QuerySelectorAll("table.meta tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        meta["发布机构"].Should().Be("某县人民政府");
        meta["地区"].Should().Be("广东省 肇庆市 某县");
        meta["年度"].Should().Be("2020年");
        meta["发布日期"].Should().Be("2021年2月1日");
        meta["文号"].Should().Be("某府〔2022〕1号");
        page.QuerySelectorAll(".toc a").Select(a => a.TextContent).Should().Equal("一、主要工作", "（一）加强领导", "二、存在问题");
        page.QuerySelector("a[rel=prev]")!.TextContent.Should().Be("某县2019年报告");
        page.QuerySelector("a[rel=next]")!.TextContent.Should().Be("某县2021年报告");
        page.QuerySelector(".report-footer a")!.GetAttribute("href").Should().Be("../reports/y2020.md");
        File.ReadAllText(Path.Combine(site.Output, "reports/y2020.md")).Should().StartWith("---\ntitle: 某县2020年报告");

        var first = Parser.ParseDocument(site.ReadOutput("reports/y2019.html"));
        first.QuerySelector("a[rel=prev]").Should().BeNull();
    }

    [Fact]
    public void Listings_left_out_of_site_yml_are_not_built_or_linked()
    {
        using var site = TestSite.WithTemplates();
        var config = File.ReadAllText(Path.Combine(site.Root, "site.yml"));
        site.Write("site.yml", config.Replace("listings: [year, region, doc_type, publisher]", "listings: [year]"));
        site.AddReport("a", Reports.FrontMatter());
        site.Build();

        Directory.Exists(Path.Combine(site.Output, "publishers")).Should().BeFalse();
        Directory.Exists(Path.Combine(site.Output, "years")).Should().BeTrue();
        site.ReadOutput("reports/a.html").Should().NotContain("publishers/");
    }
}

public class RegionEdgeTests
{
    [Fact]
    public void A_city_that_is_its_own_county_level_unit_gets_one_listing()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("dg", Reports.FrontMatter(title: "东莞市2021年法治政府建设年度报告", city: "东莞市", county: "东莞市", code: "441900"));
        site.AddReport("gy", Reports.FrontMatter(title: "高要区2021年法治政府建设年度报告", city: "肇庆市", county: "高要区", code: "441204"));

        site.Build();

        var regions = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(site.ReadOutput("regions/index.html"));
        regions.QuerySelectorAll(".groups a").Select(a => a.TextContent).Should().Equal("广东省", "肇庆市", "高要区", "东莞市");
        site.ReadOutput("regions/441900/index.html").Should().Contain("东莞市2021年法治政府建设年度报告");
    }
}
