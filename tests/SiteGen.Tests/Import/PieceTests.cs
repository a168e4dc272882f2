using FluentAssertions;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The importer's building blocks, each against the layouts government sites use.</summary>
public class PieceTests
{
    [Theory]
    [InlineData("您现在的位置: 首页 > 专题专栏 > 法治政府建设")]
    [InlineData("当前位置：首页 > 信息公开 > 政府文件")]
    [InlineData("天气:高要")]
    [InlineData("今天是2019年3月5日 星期二")]
    [InlineData("字号:【大】【中】【小】")]
    [InlineData("【字体：大 中 小】")]
    [InlineData("领导之窗 | 区长信箱 | 网站地图 | 手机版 | 无障碍")]
    [InlineData("扫一扫在手机打开当前页")]
    [InlineData("分享到:")]
    [InlineData("【打印】【关闭】")]
    [InlineData("打印本页")]
    [InlineData("您是第 位访客 技术支持:安丘在线")]
    [InlineData("网站浏览量:5360610")]
    [InlineData("Copyright©2016-2017   建议使用IE8以上浏览器   粤ICP备09164358号")]
    [InlineData("粤公网安备 44128302000109号   主办:肇庆市高要区人民政府   承办:肇庆市高要区信息中心")]
    [InlineData("安丘市人民政府主办 安丘市人民政府办公室承办")]
    [InlineData("网站标识码:4412830054")]
    [InlineData("信息公开搜索:")]
    [InlineData("请输入关键字")]
    [InlineData("相关附件:")]
    [InlineData(".")]
    [InlineData("政策")]
    public void Website_chrome_is_recognised(string line) =>
        Chrome.IsChrome(line).Should().BeTrue();

    [Theory]
    [InlineData("一、主要工作情况")]
    [InlineData("五是加强政府信息公开。认真贯彻中央、省、市有关政府信息公开工作要求,依托区门户网站、政务微信等平台。")]
    [InlineData("组织开展“学法守法”主题活动,打印发放宣传资料2000余份。")]
    [InlineData("坡头区2017年依法行政工作要点")]
    [InlineData("(此件公开发布)")]
    public void Report_text_is_not_chrome(string line) =>
        Chrome.IsChrome(line).Should().BeFalse();

    [Fact]
    public void Chrome_glued_to_the_end_of_text_is_cut_off()
    {
        Chrome.CutTrailing("办公室2024年1月8日 分享到:微信扫一扫:分享扫一扫").Should().Be("办公室2024年1月8日");
        Chrome.CutTrailing("正文没有尾巴。").Should().Be("正文没有尾巴。");
    }

    [Theory]
    [InlineData("索引号: 113707840643760583/2018-00073 组配分类: 非规范性文件", "IndexNumber=113707840643760583/2018-00073|Ignored=非规范性文件")]
    [InlineData("发布机构 经济开发区 发文日期: 2018年02月01日", "Publisher=经济开发区|DatePublished=2018年02月01日")]
    [InlineData("文 号: 安经开〔2018〕7号 主题词:", "DocNumber=安经开〔2018〕7号|Keywords=")]
    [InlineData("索 引 号：000014349/2021-00123", "IndexNumber=000014349/2021-00123")]
    [InlineData("来源:清远高新区管委会访问量:-发布时间:2017-01-23", "Source=清远高新区管委会|Ignored=|DatePublished=2017-01-23")]
    [InlineData("发布时间:2017-08-28来源:湛江市坡头区政府字号:【大】【中】【小】", "DatePublished=2017-08-28|Source=湛江市坡头区政府|Ignored=【大】【中】【小】")]
    [InlineData("| 发文机关 | 某县人民政府 | 成文日期 | 2021年12月30日 |", "Publisher=某县人民政府|DateWritten=2021年12月30日")]
    [InlineData("发布部门:信息补充中", "Publisher=")]
    [InlineData("标题：某县2020年法治政府建设年度报告", "Title=某县2020年法治政府建设年度报告")]
    [InlineData("发文字号：某府〔2021〕5号　　成文日期：2021-03-29", "DocNumber=某府〔2021〕5号|DateWritten=2021-03-29")]
    public void Labelled_metadata_is_read_in_every_layout(string line, string expected)
    {
        var found = LabelledFields.Find(line);
        LabelledFields.IsMetadataLine(line, found).Should().BeTrue();
        string.Join("|", found.Select(f => $"{f.Field}={f.Value}")).Should().Be(expected);
    }

    [Theory]
    [InlineData("2022-02-23 14:58:44", "2022-02-23", false)]
    [InlineData("2021/03/29", "2021-03-29", false)]
    [InlineData("2022年01月24日", "2022-01-24", false)]
    [InlineData("2023年03月30日 09时24分", "2023-03-30", false)]
    [InlineData("二〇二二年一月二十日", "2022-01-20", false)]
    [InlineData("二○一九年十二月三十一日", "2019-12-31", false)]
    [InlineData("2017年1月20", "2017-01-20", true)]
    [InlineData("2017年8月15印发", "2017-08-15", true)]
    public void Dates_are_read_in_their_usual_forms(string text, string iso, bool missingDay)
    {
        var found = DateText.First(text)!;
        found.Date.ToString("yyyy-MM-dd").Should().Be(iso);
        found.MissingDayMark.Should().Be(missingDay);
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("2021年13月1日")]
    [InlineData("第2021号")]
    public void Impossible_or_partial_dates_are_not_dates(string text) =>
        DateText.First(text).Should().BeNull();

    [Theory]
    [InlineData("清远高新区2016年度法治政府建设情况报告", "情况报告")]
    [InlineData("某市司法局关于2020年度法治政府建设情况的报告", "情况报告")]
    [InlineData("某县2021年法治政府建设工作情况", "情况报告")]
    [InlineData("高要区2021年法治政府建设年度报告", "年度报告")]
    [InlineData("某区2022年依法行政工作要点", "工作要点")]
    [InlineData("某镇2019年法治政府建设工作安排", "工作要点")]
    [InlineData("某县2018年依法行政工作总结", "工作总结")]
    [InlineData("坡头区人民政府办公室关于印发坡头区2017年依法行政工作要点的通知", "工作要点")]
    [InlineData("某市人民政府关于印发《某市法治政府建设实施方案》的通知", "通知")]
    [InlineData("某县2021年度法治政府建设情况报告", "情况报告")]
    [InlineData("某市2020年法治政府建設年度情況報告", "情况报告")]
    [InlineData("某区人民政府关于2020年度法治政府建设情况及2021年度工作安排的报告", "情况报告")]
    [InlineData("某县2023年度法治政府建设工作报告", "年度报告")]
    [InlineData("某区2024年度法治政府建设报告", "年度报告")]
    [InlineData("某街道办事处关于2022年法治政府建设的报告", "年度报告")]
    [InlineData("某市法治政府建设示范创建实施方案", "其他")]
    public void Document_type_follows_the_title(string title, string docType) =>
        Classification.DocType(title).Should().Be(docType);

    [Theory]
    [InlineData("2024年,县政府扎实推进法治政府建设,现将2024年度法治政府建设情况报告如下。", "情况报告")]
    [InlineData("现将这一年的工作情况汇报如下。", "情况报告")]
    [InlineData("2024年,县政府扎实推进法治政府建设。", "其他")]
    public void Without_a_title_the_type_is_how_the_body_names_itself(string opening, string docType) =>
        Classification.DocType(null, opening).Should().Be(docType);

    [Theory]
    [InlineData("某市2020年度法治政府建设年度报告", "", 2020)]
    [InlineData("关于印发《法治政府建设实施纲要(2021-2025年)》的通知", "2022年,我市…", 2022)]
    [InlineData("某县法治政府建设情况报告", "2019年,在县委的正确领导下…", 2019)]
    [InlineData("某县法治政府建设情况报告", "去年以来,我县…", null)]
    public void The_year_covered_comes_from_the_title_else_the_opening(string title, string opening, int? year) =>
        Classification.Year(title, opening).Should().Be(year);

    [Fact]
    public void A_span_in_the_title_gives_its_first_year_when_nothing_else_does() =>
        Classification.Year("关于印发《某市法治政府建设实施方案(2022-2025年)》的通知", "为深入推进法治政府建设,制定本方案。").Should().Be(2022);

    [Theory]
    [InlineData("通知", "鹤政发〔2025〕4号", "2024-12-30", 2025)]
    [InlineData("工作要点", null, "2024-03-02", 2024)]
    [InlineData("年度报告", "某政发〔2025〕4号", "2025-03-02", null)]
    [InlineData("情况报告", null, "2025-03-02", null)]
    public void A_notice_or_plan_without_a_year_covers_the_year_it_is_issued_in_a_report_never(string docType, string? docNumber, string written, int? year) =>
        Classification.IssueYear(docType, docNumber, DateOnly.Parse(written)).Should().Be(year);

    [Theory]
    [InlineData("广东省人民政府", 1, "省级")]
    [InlineData("肇庆市人民政府", 2, "市级")]
    [InlineData("肇庆市高要区人民政府", 3, "县级")]
    [InlineData("安丘经济开发区管委会", 3, "开发区")]
    [InlineData("某某街道办事处", 4, "乡镇街道")]
    [InlineData("某县司法局", 3, "部门")]
    [InlineData("湛江市坡头区人民政府办公室", 3, "部门")]
    public void Level_follows_the_issuer(string issuer, int unitLevel, string level)
    {
        var unit = new SiteGen.Import.Divisions.Division(unitLevel switch { 1 => "44", 2 => "4412", 3 => "441204", _ => "441204001" }, "x");
        Classification.Level(issuer, unit).Should().Be(level);
    }

    [Fact]
    public void Jointly_issued_documents_split_into_their_issuers()
    {
        SignatureFinder.Split("中共珠海市金湾区委办公室珠海市金湾区人民政府办公室珠海经济技术开发区党政办公室")
            .Should().Equal("中共珠海市金湾区委办公室", "珠海市金湾区人民政府办公室", "珠海经济技术开发区党政办公室");
        SignatureFinder.Split("某县人民政府 某县人民政府办公室").Should().Equal("某县人民政府", "某县人民政府办公室");
        SignatureFinder.Split("肇庆市高要区人民政府").Should().Equal("肇庆市高要区人民政府");
    }
}
