using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Research;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Research;

/// <summary>`sitegen export` and the site's data/ files: the data researchers take away.</summary>
public class DataExportTests
{
    private static TestSite Site()
    {
        var site = TestSite.WithTemplates();
        site.AddReport("a-2021", """
            title: '甲县2021年法治政府建设年度报告, 附件"一"'

            doc_type: 年度报告
            year: 2021
            publisher: 甲县人民政府
            region:
              province: 广东省
              city: 肇庆市
              county: 高要区
              code: "441204"
            date_published: 2022-04-03
            keywords: [行政复议, 执法]
            """, "## 一、主要举措和成效\n\n全年办理行政复议案件。\n\n## 二、存在的不足和原因\n\n不足之处。\n");
        site.AddReport("b-2020", """
            title: "=HYPERLINK(1)"
            doc_type: 工作要点
            """, "正文。\n");
        return site;
    }

    [Fact]
    public void Export_prints_the_sites_data_files_byte_for_byte()
    {
        using var site = Site();
        site.Build();
        foreach (var (format, file) in new[] { ("csv", "data/reports.csv"), ("jsonl", "data/reports.jsonl") })
        {
            var result = SitegenProcess.RunBytes("export", "--source", site.Root, "--format", format);
            result.ExitCode.Should().Be(0);
            result.Output.Should().Equal(File.ReadAllBytes(Path.Combine(site.Output, file)), format);
        }
    }

    [Fact]
    public void The_csv_is_rfc_4180_utf8_with_a_bom_one_row_a_report()
    {
        using var site = Site();
        site.Build();
        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "data/reports.csv"));

        bytes.Take(3).Should().Equal(Encoding.UTF8.Preamble.ToArray());
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        lines.Should().HaveCount(4, "a header, two reports, and the empty string after the last CRLF");
        lines[0].Should().Be(string.Join(",", ReportTable.Columns.Select(c => c.Name)));
        lines[1].Should().StartWith("a-2021,\"甲县2021年法治政府建设年度报告, 附件\"\"一\"\"\",年度报告,2021,甲县人民政府,广东省,肇庆市,高要区,441204,");
        lines[1].Should().Contain(",2022-03-31,3,false,measures;shortcomings,0,");
        lines[2].Should().StartWith("b-2020,'=HYPERLINK(1),工作要点,,", "a title a spreadsheet would run as a formula is defused");
    }

    [Fact]
    public void The_json_lines_add_keywords_and_the_text()
    {
        using var site = Site();
        site.Build();
        var lines = File.ReadAllText(Path.Combine(site.Output, "data/reports.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCount(2);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        first.EnumerateObject().Select(p => p.Name).Should().Equal(ReportTable.Columns.Concat(ReportTable.JsonOnly).Select(c => c.Name));
        first.GetProperty("on_time").GetBoolean().Should().BeFalse();
        first.GetProperty("days_late").GetInt32().Should().Be(3);
        first.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).Should().Equal("行政复议", "执法");
        first.GetProperty("text").GetString().Should().Be("一、主要举措和成效\n全年办理行政复议案件。\n二、存在的不足和原因\n不足之处。");
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("deadline").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void A_text_with_quotes_backslashes_control_characters_and_emoji_reads_back_exactly()
    {
        using var site = TestSite.WithTemplates();
        const string body = "他说：\"依法\"，路径 C:\\法治\\报告，表\t格，🏛️ 与 𠮷。";
        site.AddReport("a-2021", "title: 甲\ndoc_type: 年度报告\nyear: 2021", body + "\n");
        site.Build();

        var line = File.ReadAllText(Path.Combine(site.Output, "data/reports.jsonl")).TrimEnd('\n');
        JsonDocument.Parse(line).RootElement.GetProperty("text").GetString().Should().Be(body);
        line.Should().Contain("🏛️ 与 𠮷", "characters that need no escape are written as themselves");
    }

    [Fact]
    public void The_home_page_links_the_data_page_which_explains_every_column()
    {
        using var site = Site();
        site.Build();
        var home = new HtmlParser().ParseDocument(site.ReadOutput("index.html"));
        home.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Contain("data/index.html");

        var page = new HtmlParser().ParseDocument(site.ReadOutput("data/index.html"));
        page.QuerySelectorAll("table.dictionary tbody th code").Select(c => c.TextContent)
            .Should().Equal(ReportTable.Columns.Concat(ReportTable.JsonOnly).Select(c => c.Name));
        page.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")).Should().Equal("../data/reports.csv", "../data/reports.jsonl");
        page.GetElementById("licence").Should().NotBeNull();
    }
}
