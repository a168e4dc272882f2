using FluentAssertions;
using SiteGen.Rendering;
using SiteGen.Research;

namespace SiteGen.Tests.Research;

public class RequiredSectionsTests
{
    [Theory]
    [InlineData("一、2023年法治政府建设主要举措和成效", "measures")]
    [InlineData("一、主要工作措施和成效", "measures")]
    [InlineData("一、推进法治政府建设的主要工作", "measures")]
    [InlineData("一、主要工作情况", "measures")]
    [InlineData("一、工作开展情况", "measures")]
    [InlineData("二、存在的不足和原因", "shortcomings")]
    [InlineData("二、存在问题", "shortcomings")]
    [InlineData("二、存在的主要问题", "shortcomings")]
    [InlineData("七、2023年度推进法治政府建设存在的不足和原因", "shortcomings")]
    [InlineData("三、党政主要负责人履行推进法治建设第一责任人职责情况", "responsibility")]
    [InlineData("三、主要负责人履行法治建设职责情况", "responsibility")]
    [InlineData("四、2024年度推进法治政府建设主要安排", "plans")]
    [InlineData("四、2024年主要工作安排", "plans")]
    [InlineData("三、下一步工作打算", "plans")]
    [InlineData("三、2022年工作计划", "plans")]
    [InlineData("五、其他需要报告的情况", "other")]
    [InlineData("二、存在的问题和下一步打算", "shortcomings plans")]
    [InlineData("(三)深化行政执法体制改革", "")]
    [InlineData("二、依法全面履行政府职能", "")]
    public void Each_wording_names_its_required_content(string heading, string codes) =>
        string.Join(" ", RequiredSections.CodesOf(heading)).Should().Be(codes);

    [Fact]
    public void Each_content_is_linked_to_the_first_heading_that_introduces_it()
    {
        var found = RequiredSections.Find([
            new TocEntry(2, "一、主要举措和成效", "sec-1"),
            new TocEntry(3, "(一)存在问题的整改", "sec-2"),
            new TocEntry(2, "二、存在的不足和原因", "sec-3"),
            new TocEntry(2, "三、下一步工作打算", "sec-4"),
        ]);

        found.Select(f => $"{f.Code}:{f.Id}").Should().Equal("measures:sec-1", "shortcomings:sec-2", "plans:sec-4");
    }

    [Fact]
    public void A_report_set_out_by_topic_reports_its_measures_under_its_first_topic()
    {
        var found = RequiredSections.Find([
            new TocEntry(2, "一、依法全面履行政府职能", "sec-1"),
            new TocEntry(2, "二、完善依法行政制度体系", "sec-2"),
            new TocEntry(2, "三、存在问题", "sec-3"),
        ]);
        found.Select(f => $"{f.Code}:{f.Id}").Should().Equal("measures:sec-1", "shortcomings:sec-3");

        RequiredSections.Find([new TocEntry(2, "一、存在问题", "sec-1"), new TocEntry(2, "二、完善依法行政制度体系", "sec-2")])
            .Select(f => f.Code).Should().Equal(["shortcomings"], "a topic after the shortcomings is no report of measures");
    }
}
