using FluentAssertions;
using SiteGen.Research;
using Xunit;

namespace SiteGen.Tests.Research;

public class SectionTextTests
{
    [Fact]
    public void A_section_is_the_lines_under_its_heading_down_to_the_next_heading_as_high_without_empty_ones()
    {
        const string Markdown = "前言。\n\n## 一、主要举措和成效\n\n段落一。\n\n### （一）小节\n\n段落二。\n\n**\n\n## 二、存在的不足和原因\n\n**\n\n不足段落。\n\n## 三、下一年度工作安排\n";
        var body = BodyText.Of(BodyBlocks.Of(Markdown));
        SectionFound[] found =
        [
            new("measures", "一、主要举措和成效", "sec-1"),
            new("shortcomings", "二、存在的不足和原因", "sec-3"),
            new("plans", "三、下一年度工作安排", "sec-4"),
            new("other", "不在正文中", "sec-9"),
        ];

        SectionText.Of(body, found).Should().Equal(new Dictionary<string, string>
        {
            ["measures"] = "段落一。\n（一）小节\n段落二。",
            ["shortcomings"] = "不足段落。",
            ["plans"] = "",
        });
    }
}
