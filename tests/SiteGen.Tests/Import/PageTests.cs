using FluentAssertions;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Whole invented pages in the layouts government sites use, one rule at a time.</summary>
public class PageTests
{
    private const string Body = """
        2021年,县政府坚持以习近平法治思想为指导,认真落实法治政府建设各项任务,现将有关情况报告如下。

        一、主要工作

        (一)加强组织领导

        一是健全工作机制。县政府常务会议专题研究法治政府建设工作4次。二是落实第一责任人职责。

        1.全年举办领导干部法治讲座6场。

        二、存在问题

        个别部门对法治政府建设重视不够。
        """;

    private static ImportedReport Import(string page) => ReportImporter.Import(page.Replace("\r\n", "\n"));

    [Fact]
    public void A_title_repeated_above_and_below_the_metadata_is_kept_once_and_removed_from_the_body()
    {
        var report = Import($"""
            首页 > 政务公开 > 法治政府
            平远县2021年法治政府建设年度报告
            发布时间：2022-01-20　来源：平远县司法局
            平远县2021年法治政府建设年度报告
            {Body}
            平远县人民政府
            2022年1月18日
            """);
        report.Title.Should().Be("平远县2021年法治政府建设年度报告");
        report.Body.Should().NotContain("平远县2021年法治政府建设年度报告");
        report.DatePublished.Should().Be(new DateOnly(2022, 1, 20));
        report.DateWritten.Should().Be(new DateOnly(2022, 1, 18));
        report.Publisher.Should().Be("平远县人民政府");
        report.Source.Site.Should().Be("平远县司法局");
    }

    [Fact]
    public void Each_field_says_which_line_and_rule_it_came_from()
    {
        var report = Import($"""
            首页 > 政务公开 > 法治政府
            平远县2021年法治政府建设年度报告
            发布时间：2022-01-20　来源：平远县司法局
            发布机构：平远县司法局
            {Body}
            平远县人民政府
            2022年1月18日
            """);
        var signature = 7 + Body.Split('\n').Length;
        report.Evidence["title"].Should().Be(new Evidence(2, "title line"));
        report.Evidence["date_published"].Should().Be(new Evidence(3, "label 发布时间"));
        report.Evidence["source"].Should().Be(new Evidence(3, "label 来源"));
        // The signature outranks the labelled 发布机构 on line 4.
        report.Publisher.Should().Be("平远县人民政府");
        report.Evidence["publisher"].Should().Be(new Evidence(signature - 2, "signature (落款)"));
        report.Evidence["date_written"].Should().Be(new Evidence(signature - 1, "signature (落款) date"));
        report.Evidence["region"].Rule.Should().Contain("title").And.EndWith("平远县");
        report.Evidence.Should().NotContainKey("doc_number", "the page has no 文号");
    }

    [Fact]
    public void A_title_split_over_two_lines_is_joined()
    {
        var report = Import($"""
            平远县人民政府关于
            2021年度法治政府建设情况的报告
            {Body}
            """);
        report.Title.Should().Be("平远县人民政府关于2021年度法治政府建设情况的报告");
        report.DocType.Should().Be("情况报告");
        report.Body.Should().NotContain("平远县人民政府关于");
    }

    [Fact]
    public void A_spaced_out_title_is_closed_up()
    {
        var report = Import($"""
            平 远 县 2 0 2 1 年 法 治 政 府 建 设 年 度 报 告
            {Body}
            """);
        report.Title.Should().Be("平远县2021年法治政府建设年度报告");
    }

    [Fact]
    public void A_title_found_only_in_a_labelled_field_is_used()
    {
        var report = Import($"""
            名称：梅州市平远县2021年法治政府建设年度报告
            索 引 号：007025891/2022-00011　　分类：法治政府
            发文机关：平远县人民政府　　成文日期：2022年01月18日
            {Body}
            """);
        report.Title.Should().Be("梅州市平远县2021年法治政府建设年度报告");
        report.IndexNumber.Should().Be("007025891/2022-00011");
        report.Publisher.Should().Be("平远县人民政府");
        report.DateWritten.Should().Be(new DateOnly(2022, 1, 18));
    }

    [Theory]
    [InlineData("主题词：法治政府　依法行政", new[] { "法治政府", "依法行政" })]
    [InlineData("主题词：法治政府、年度报告", new[] { "法治政府", "年度报告" })]
    [InlineData("主题词：法治政府建设年度报告", new[] { "法治", "政府", "建设", "年度", "报告" })]
    public void Keywords_are_split_on_separators_or_else_into_words(string line, string[] keywords)
    {
        var report = Import($"平远县2021年法治政府建设年度报告\n{line}\n{Body}");
        report.Keywords.Should().Equal(keywords);
    }

    [Fact]
    public void An_addressee_line_is_never_the_title_and_stays_in_the_body()
    {
        var report = Import($"""
            关于平远县2021年度法治政府建设情况的报告
            县委、县人民政府：
            {Body}
            """);
        report.Title.Should().Be("关于平远县2021年度法治政府建设情况的报告");
        report.Body.Should().StartWith("县委、县人民政府：");
    }

    [Fact]
    public void The_site_clock_is_not_the_documents_date()
    {
        var report = Import($"""
            今天是2019年3月5日 星期二
            平远县2018年依法行政工作总结
            {Body}
            """);
        report.DatePublished.Should().BeNull();
        report.DateWritten.Should().BeNull();
        report.Year.Should().Be(2018);
    }

    [Fact]
    public void Sections_become_headings_and_numbered_points_stay_paragraphs()
    {
        var report = Import($"平远县2021年法治政府建设年度报告\n{Body}\n平远县人民政府\n2022年1月18日");
        report.Body.Should().Contain("\n## 一、主要工作\n")
            .And.Contain("\n### (一)加强组织领导\n")
            .And.Contain("\n一是健全工作机制。")
            .And.Contain("\n1\\.全年举办领导干部法治讲座6场。\n")
            .And.Contain("\n## 二、存在问题\n");
        report.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Nothing_of_the_documents_own_text_is_dropped()
    {
        var report = Import($"""
            当前位置：首页 > 信息公开
            平远县2021年法治政府建设年度报告
            浏览次数：128　字号：[大][中][小]
            {Body}
            平远县人民政府
            2022年1月18日
            扫一扫在手机打开当前页
            """);
        var bodyText = report.Body.Replace("## ", "").Replace("### ", "").Replace("\\", "");
        foreach (var line in Body.Split('\n').Where(l => l.Trim().Length > 0))
            bodyText.Should().Contain(line.Trim());
        bodyText.Should().NotContain("浏览次数").And.NotContain("扫一扫").And.NotContain("当前位置");
    }

    [Fact]
    public void A_signature_written_in_chinese_numerals_gives_the_date()
    {
        var report = Import($"平远县2021年法治政府建设年度报告\n{Body}\n平远县人民政府\n二〇二二年一月十八日");
        report.DateWritten.Should().Be(new DateOnly(2022, 1, 18));
        report.Publisher.Should().Be("平远县人民政府");
        report.Body.Should().NotContain("二〇二二年");
    }

    [Fact]
    public void A_page_cut_off_at_both_ends_is_flagged_not_repaired()
    {
        var report = Import("""
            平远县2021年法治政府建设年度报告
            ，深入推进依法行政，全面提升政府工作法治化水平。三、下一步工作计划(一)深化改革。持续推进简政放权,优化营商环境。(二)加强监督。自觉接受人大监督,认真办理代表建议。一是强化
            """);
        report.Warnings.Should().Contain(w => w.StartsWith("开头残缺"))
            .And.Contain(w => w.StartsWith("正文从“三、”部分开始"))
            .And.Contain(w => w.StartsWith("结尾残缺"));
        report.Body.Should().StartWith("，深入推进依法行政");
    }

    [Theory]
    [InlineData("会议时间为201726日。", "日期缺字：“201726日”")]
    [InlineData("贯彻《纲要(20152020年)》。", "年份区间缺少连接号：“20152020年”")]
    [InlineData("按照粤机编发〔20166]要求。", "文号缺字或括号不配对：“〔20166]”")]
    [InlineData("于2021年3月5召开会议。", "日期缺少“日”字：“2021年3月5”")]
    public void Dropped_characters_are_flagged(string sentence, string warning)
    {
        var report = Import($"平远县2021年法治政府建设年度报告\n2021年,县政府认真落实法治政府建设各项任务,取得明显成效。{sentence}\n平远县人民政府\n2022年1月18日");
        report.Warnings.Should().Contain(w => w.StartsWith(warning));
        report.Body.Should().Contain(sentence[..4], "the damaged text stays as it was");
    }

    [Fact]
    public void Issuer_and_date_on_one_line_form_the_signature()
    {
        var report = Import($"关于印发平远县2022年依法行政工作要点的通知\n{Body}\n平远县人民政府办公室        2022年3月1日印发");
        report.Publisher.Should().Be("平远县人民政府办公室");
        report.DateWritten.Should().Be(new DateOnly(2022, 3, 1));
        report.DocType.Should().Be("工作要点", "a notice that issues 工作要点 is filed as them");
        report.Level.Should().Be("部门");
    }

    [Theory]
    [InlineData("• 文件有效性:\n平远县人民政府关于2021年度法治政府建设情况的报告")]
    [InlineData("首页\n> 政府信息公开 > 政策文件 > 其他有关文件\n平远县人民政府关于2021年度法治政府建设情况的报告")]
    [InlineData("有效性平远县人民政府关于2021年度法治政府建设情况的报告")]
    [InlineData("- 发布时间: 2022-01-20\n- 标题: [平府〔2022〕3号]平远县人民政府关于2021年度法治政府建设情况的报告")]
    [InlineData("[平府〔2022〕3号]平远县人民政府关于2021年度法治政府建设情况的报告")]
    [InlineData("政府信息公开平远县人民政府关于2021年度法治政府建设情况的报告")]
    [InlineData("平远县人民政府关于2021年度法治政府建设情况的报告 (2022-01-20)")]
    [InlineData("平远县梅州市平远县人民政府关于2021年度法治政府建设情况的报告")]
    public void Chrome_glued_to_the_title_line_is_taken_off(string line)
    {
        var report = Import($"""
            {line}
            {Body}
            """);
        report.Title.Should().EndWith("平远县人民政府关于2021年度法治政府建设情况的报告").And.NotContain("有效").And.NotContain("2022-01-20")
            .And.NotContain("公开").And.NotContain("标题");
        report.Title.Should().NotStartWith("平远县梅州市").And.NotContain("平府");
    }

    [Fact]
    public void Two_issuers_named_one_after_the_other_at_the_start_of_a_title_stay_in_it()
    {
        var report = Import($"""
            梅州市人民政府梅州市中级人民法院印发关于完善府院联动机制的意见的通知
            {Body}
            """);
        report.Title.Should().Be("梅州市人民政府梅州市中级人民法院印发关于完善府院联动机制的意见的通知");
        report.Publisher.Should().Be("梅州市人民政府 梅州市中级人民法院");
    }

    [Theory]
    [InlineData("平远县人民政府关于2021年度法治政府建设情况的报告", "平远县人民政府")]
    [InlineData("中共平远县委平远县人民政府关于2021年度法治政府建设情况的报告", "中共平远县委 平远县人民政府")]
    [InlineData("平远县司法局2021年度法治政府建设年度报告", "平远县司法局")]
    [InlineData("司法部2021年法治政府建设年度报告", "司法部")]
    public void Without_a_signature_the_publisher_is_the_issuer_the_title_names(string title, string publisher)
    {
        var report = Import($"""
            首页 > 政务公开
            {title}
            发布时间：2022-01-20　来源：本网
            {Body}
            """);
        report.Publisher.Should().Be(publisher);
    }

    [Fact]
    public void The_signature_outranks_the_issuer_the_title_names()
    {
        var report = Import($"""
            平远县人民政府关于2021年度法治政府建设情况的报告
            {Body}
            平远县人民政府办公室
            2022年1月18日
            """);
        report.Publisher.Should().Be("平远县人民政府办公室");
    }

    [Fact]
    public void A_title_that_names_only_a_place_gives_no_publisher()
    {
        var report = Import($"""
            平远县2021年法治政府建设年度报告
            发布时间：2022-01-20　来源：本网
            {Body}
            """);
        report.Publisher.Should().BeNull("a place is not an issuing body, and 本网 names none");
    }

    [Theory]
    [InlineData("时间:2022-01-20 15:36 浏览量:1")]
    [InlineData("时间 : 2022-01-20 15:31:55 来源 : 本网")]
    [InlineData("日期:2022-01-20 15:19    来源:平远县人民政府")]
    [InlineData("- 索引号: 441426/2022-00001\n- 发布时间: 2022-01-20")]
    [InlineData("2022-01-20 17:05 来源: 平远县人民政府网 【字体:   打印")]
    [InlineData("稿件来源:平远县司法局 作者: 发布时间: 2022-01-20 | 打印 |")]
    [InlineData("来源:平远县司法局 作者: 发布时间 2022年01月20日 点击数:")]
    [InlineData("[ 成文日期 ] 2022-01-18 [ 发布日期 ] 2022-01-20")]
    public void The_publication_date_is_read_in_every_layout_of_the_date_line(string dateLines)
    {
        var report = Import($"""
            您当前所在位置:首页>政务公开>法治政府建设报告
            平远县人民政府关于2021年度法治政府建设情况的报告
            {dateLines}
            {Body}
            """);
        report.DatePublished.Should().Be(new DateOnly(2022, 1, 20));
        report.Title.Should().Be("平远县人民政府关于2021年度法治政府建设情况的报告");
    }

    [Fact]
    public void A_date_printed_after_the_title_is_the_publication_date()
    {
        var report = Import($"""
            平远县司法局2021年法治政府建设情况报告 (2022-01-20)
            {Body}
            """);
        (report.Title, report.DatePublished).Should().Be(("平远县司法局2021年法治政府建设情况报告", new DateOnly(2022, 1, 20)));
    }

    [Fact]
    public void Bracketed_labels_give_both_dates()
    {
        var report = Import($"""
            [ 索引号 ] 441426/2022-00001 [ 发文字号 ]
            [ 成文日期 ] 2022-01-18 [ 发布日期 ] 2022-01-20
            平远县人民政府关于2021年度法治政府建设情况的报告
            {Body}
            """);
        (report.DateWritten, report.DatePublished, report.IndexNumber).Should().Be((new DateOnly(2022, 1, 18), new DateOnly(2022, 1, 20), "441426/2022-00001"));
    }

    [Fact]
    public void A_site_clock_in_the_header_is_not_the_publication_date()
    {
        var report = Import($"""
            2022年1月25日星期二 欢迎访问平远县人民政府网
            平远县人民政府关于2021年度法治政府建设情况的报告
            {Body}
            """);
        report.DatePublished.Should().BeNull();
    }

    [Fact]
    public void A_source_label_names_the_publisher_even_with_a_font_size_widget_after_it()
    {
        var report = Import($"""
            关于2021年度法治政府建设工作情况的报告
            发布时间 : 2022-01-26 来源:平远县政府办 字体大小:
            {Body}
            """);
        report.Publisher.Should().Be("平远县政府办");
        report.Region.County.Should().Be("平远县");
    }

    [Fact]
    public void Without_a_title_the_year_comes_from_the_opening_paragraphs_after_an_addressee()
    {
        var report = Import("""
            县委、县人民政府:
            2021年以来,在县委、县政府的坚强领导下,我镇认真落实法治政府建设各项任务,现将有关情况报告如下。

            一、主要工作

            全年举办领导干部法治讲座6场。
            """);
        report.Year.Should().Be(2021);
        report.DocType.Should().Be("情况报告");
    }

    [Fact]
    public void A_value_on_the_line_after_its_label_is_read_and_an_index_number_alone_on_a_line_too()
    {
        var report = Import($"""
            索 引 号:
            441426/2022-00001
            文  号:
            平府办〔2022〕3号
            平远县人民政府关于2021年度法治政府建设情况的报告
            {Body}
            """);
        (report.IndexNumber, report.DocNumber).Should().Be(("441426/2022-00001", "平府办〔2022〕3号"));
        Import($"""
            平远县人民政府关于2021年度法治政府建设情况的报告
            11441426MB2C123456/2022-0000123
            {Body}
            """).IndexNumber.Should().Be("11441426MB2C123456/2022-0000123");
    }

    [Fact]
    public void An_index_number_ends_where_the_next_unlabelled_widget_begins()
    {
        var report = Import($"""
            索引号:441426/2022-00001 公开方式 主动公开
            平远县人民政府关于2021年度法治政府建设情况的报告
            {Body}
            """);
        report.IndexNumber.Should().Be("441426/2022-00001");
    }

    [Fact]
    public void A_document_number_in_brackets_before_the_title_is_the_document_number()
    {
        var report = Import($"""
            [平府〔2022〕3号]平远县人民政府关于2021年度法治政府建设情况的报告
            {Body}
            """);
        (report.Title, report.DocNumber).Should().Be(("平远县人民政府关于2021年度法治政府建设情况的报告", "平府〔2022〕3号"));
    }

    [Fact]
    public void A_division_of_a_bureau_named_as_the_source_is_the_publisher()
    {
        var report = Import($"""
            平远县2021年法治政府建设年度报告
            时间:2022-01-30来源:法治调研督察处
            {Body}
            """);
        report.Publisher.Should().Be("法治调研督察处");
    }

    [Fact]
    public void Labels_in_traditional_characters_are_read()
    {
        var report = Import($"""
            平远县2021年法治政府建設年度情況報告
            日期:2022-01-20 15:28    來源:平远县人民政府
            {Body}
            """);
        (report.Publisher, report.DatePublished, report.DocType).Should().Be(("平远县人民政府", new DateOnly(2022, 1, 20), "情况报告"));
    }

    [Fact]
    public void An_issuer_alone_on_a_line_after_the_index_number_is_the_publisher()
    {
        var report = Import($"""
            平远县2021年度法治政府建设报告
            441426/2022-00001
            平远县人民政府
            2022-01-20
            {Body}
            """);
        (report.Publisher, report.IndexNumber, report.DatePublished).Should().Be(("平远县人民政府", "441426/2022-00001", new DateOnly(2022, 1, 20)));
        report.Body.Should().NotStartWith("平远县人民政府");
    }
}
