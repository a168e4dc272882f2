using FluentAssertions;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Tests.Content;

public class ReportReaderTests
{
    private const string File = "content/reports/x.md";

    private static (Report? Report, IReadOnlyList<Diagnostic> Problems) Read(string text)
    {
        var bag = new DiagnosticBag();
        var report = ReportReader.Read(File, text, bag);
        return (report, bag.ToSortedList());
    }

    [Fact]
    public void Reads_every_field_with_types()
    {
        var (report, problems) = Read("""
            ---
            title: 安丘经济开发区2017年度法治政府建设工作落实情况汇报
            slug: anqiu-2017
            doc_type: 情况报告
            year: 2017
            publisher: 安丘经济开发区管委会
            region:
              province: 山东省
              city: 潍坊市
              county: 安丘市
              code: "370784"
            level: 开发区
            date_written: 2018-02-01
            date_published: 2018-02-01
            doc_number: 安经开〔2018〕7号
            index_number: 113707840643760583/2018-00073
            keywords: [法治政府, 依法行政]
            abstract: 去年以来……
            source:
              site: 安丘市人民政府
              url: http://www.anqiu.gov.cn/x.html
              file: seeds/001.txt
            warnings:
              - 开头残缺
            ---

            ## 一、总体情况

            正文。
            """);

        problems.Should().BeEmpty();
        report!.Title.Should().Be("安丘经济开发区2017年度法治政府建设工作落实情况汇报");
        report.Slug.Should().Be("anqiu-2017");
        report.Year.Should().Be(2017);
        report.DateWritten.Should().Be(new DateOnly(2018, 2, 1));
        report.Region.Should().Be(new Region("山东省", "潍坊市", "安丘市", "370784"));
        report.Keywords.Should().Equal("法治政府", "依法行政");
        report.Source.Url.Should().Be("http://www.anqiu.gov.cn/x.html");
        report.Warnings.Should().Equal("开头残缺");
        report.DocNumber.Should().Be("安经开〔2018〕7号");
        report.BodyLine.Should().Be(26);
        report.Body.Should().Contain("## 一、总体情况");
    }

    [Fact]
    public void Only_the_title_is_required_and_the_slug_comes_from_the_file_name()
    {
        var (report, problems) = Read("---\ntitle: 某报告\n---\n正文");
        problems.Should().BeEmpty();
        report!.Slug.Should().Be("x");
        report.DocType.Should().Be("其他");
    }

    [Fact]
    public void A_file_named_in_chinese_gets_a_stable_ascii_slug()
    {
        var bag = new DiagnosticBag();
        var a = ReportReader.Read("content/reports/高要区报告.md", "---\ntitle: 甲\n---\n", bag)!;
        var b = ReportReader.Read("content/reports/高要区报告.md", "---\ntitle: 乙\n---\n", bag)!;
        a.Slug.Should().MatchRegex("^r-[0-9a-f]{10}$").And.Be(b.Slug);
    }

    [Theory]
    [InlineData("title: 甲\nyear: 2021\ncolour: red", 4, 1, "unknown field 'colour'")]
    [InlineData("title: 甲\nregion:\n  province: 广东省\n  town: 某镇", 5, 3, "unknown field 'region.town'")]
    [InlineData("year: 2021", 2, 1, "missing required field 'title'")]
    [InlineData("title: \"\"", 2, 8, "field 'title' must not be empty")]
    [InlineData("title: [甲, 乙]", 2, 8, "field 'title' must be text, not a list")]
    [InlineData("title: 甲\nyear: 二〇二一", 3, 7, "field 'year' is '二〇二一'; it must be a whole number from 1949 to 2100")]
    [InlineData("title: 甲\nyear: 21.5", 3, 7, "field 'year' is '21.5'")]
    [InlineData("title: 甲\ndate_written: 2021-02-30", 3, 15, "field 'date_written' is '2021-02-30', which is not a real date")]
    [InlineData("title: 甲\ndate_published: 2022年2月23日", 3, 17, "write a date as YYYY-MM-DD")]
    [InlineData("title: 甲\ndoc_type: 报告", 3, 11, "field 'doc_type' is '报告'; it must be one of: 年度报告")]
    [InlineData("title: 甲\nlevel: 国家级", 3, 8, "field 'level' is '国家级'")]
    [InlineData("title: 甲\nregion:\n  code: 4412", 4, 9, "field 'region.code' is '4412'; a region code is the 6 digits")]
    [InlineData("title: 甲\nregion: 广东省", 3, 9, "field 'region' must be a mapping")]
    [InlineData("title: 甲\nslug: ../../etc/passwd", 3, 7, "field 'slug' is '../../etc/passwd'; a slug is lowercase ASCII")]
    [InlineData("title: 甲\nslug: 高要区", 3, 7, "field 'slug' is '高要区'")]
    [InlineData("title: 甲\nsource:\n  url: javascript:alert(1)", 4, 8, "a source URL starts with http:// or https://")]
    [InlineData("title: 甲\nkeywords:\n  - [a, b]", 4, 5, "each item of 'keywords' must be text")]
    [InlineData("title: 甲\ntitle: 乙", 3, 1, "invalid YAML: Duplicate key")]
    [InlineData("title: 甲\nslug: con", 3, 1, "field 'slug' is 'con', a name Windows reserves")]
    [InlineData("title: 甲\nslug: /etc/passwd", 3, 7, "field 'slug' is '/etc/passwd'")]
    [InlineData("title: 甲\u0007乙", 2, 9, "control character U+0007")]
    [InlineData("title: 甲\nregion:\n\tprovince: 广东省", 4, 1, "invalid YAML")]
    [InlineData("title: [甲", 3, 1, "invalid YAML")]
    public void Each_problem_names_line_column_and_field(string yaml, int line, int column, string message)
    {
        var (report, problems) = Read($"---\n{yaml}\n---\n正文\n");
        report.Should().BeNull();
        problems.Should().ContainSingle();
        var problem = problems[0];
        problem.File.Should().Be(File);
        problem.Message.Should().Contain(message);
        (problem.Line, problem.Column).Should().Be((line, column), problem.ToString());
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_not_just_the_first()
    {
        var (_, problems) = Read("---\ntitle: 甲\nyear: abc\ndate_written: 2021-13-01\nfoo: 1\n---\n");
        problems.Select(p => p.Line).Should().Equal(3, 4, 5);
    }

    [Theory]
    [InlineData("", "missing front matter")]
    [InlineData("正文，没有前置信息。\n", "missing front matter")]
    [InlineData("---\ntitle: 甲\n正文", "front matter is not closed")]
    public void Files_without_front_matter_are_errors_at_line_1(string text, string message)
    {
        var (_, problems) = Read(text);
        problems.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Line == 1 && d.Message.Contains(message));
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_are_accepted_and_lines_still_count_right()
    {
        var (report, _) = Read("\uFEFF---\r\ntitle: 甲\r\nyear: 2021\r\n---\r\n正文\r\n");
        report!.Year.Should().Be(2021);
        report.Body.Should().Be("正文\n");

        var (_, problems) = Read("\uFEFF---\r\ntitle: 甲\r\nyear: x\r\n---\r\n");
        problems.Single().Line.Should().Be(3);
    }

    [Fact]
    public void Front_matter_with_no_body_is_a_report_with_an_empty_body()
    {
        var (report, problems) = Read("---\ntitle: 甲\n---");
        problems.Should().BeEmpty();
        report!.Body.Should().BeEmpty();
    }

    [Fact]
    public void Control_characters_in_the_body_are_named_by_line_and_column()
    {
        var (report, problems) = Read("---\ntitle: 甲\n---\n正文\n第二段\u0000有空字符\u001B。\n");
        report.Should().BeNull();
        problems.Select(p => $"{p.Line}:{p.Column}").Should().Equal("5:4", "5:9");
    }

    [Fact]
    public void Null_values_count_as_absent()
    {
        var (report, problems) = Read("---\ntitle: 甲\nyear: ~\npublisher:\ndoc_number: null\n---\n");
        problems.Should().BeEmpty();
        report!.Year.Should().BeNull();
        report.Publisher.Should().BeNull();
        report.DocNumber.Should().BeNull();
    }
}
