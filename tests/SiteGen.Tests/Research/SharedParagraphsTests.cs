using FluentAssertions;
using SiteGen.Research;

namespace SiteGen.Tests.Research;

public class SharedParagraphsTests
{
    private const string Paragraph = "2021年，县政府坚持以习近平法治思想为指导，全面落实行政执法三项制度，全年开展行政执法案卷评查两次，评查案卷一百二十卷，发现问题十五个，已全部整改到位。";

    private static IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> Find(params (string Slug, string Text)[] reports) =>
        SharedParagraphs.Find(reports.Select(r => (r.Slug, ParagraphPrint.Of(r.Text))));

    [Fact]
    public void A_paragraph_copied_with_its_punctuation_and_spacing_changed_is_shared()
    {
        var copy = Paragraph.Replace("，", ",").Replace("。", ". ").Replace("两次", " 两次 ");
        var shared = Find(("a", "甲县自己的开头。\n" + Paragraph), ("b", copy + "\n乙县另写的一段话。"), ("c", "丙县完全不同的内容，与其他报告没有一段相同的文字，这一段足够长但是内容不同，不会被当作抄袭。"));

        shared["a"].Should().ContainSingle().Which.Others.Should().Equal("b");
        shared["b"].Should().ContainSingle().Which.Others.Should().Equal("a");
        shared.Should().NotContainKey("c");
    }

    [Fact]
    public void A_paragraph_copied_with_a_year_changed_is_still_shared()
    {
        var shared = Find(("a", Paragraph), ("b", Paragraph.Replace("2021年", "2022年").Replace("十五个", "十六个")));
        shared["a"].Should().ContainSingle().Which.OtherCount.Should().Be(1);
    }

    [Fact]
    public void A_stock_phrase_under_50_characters_is_not_copying()
    {
        const string stock = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。";
        ParagraphPrint.Normalize(stock).Length.Should().BeLessThan(ParagraphPrint.MinChars);
        Find(("a", stock), ("b", stock)).Should().BeEmpty();
    }

    [Fact]
    public void Paragraphs_that_only_share_words_are_not_copies()
    {
        var other = "2021年，县政府坚持以习近平法治思想为指导，深化行政复议体制改革，全年受理行政复议案件四十件，纠错六件，行政机关负责人出庭应诉率达到百分之百。";
        Find(("a", Paragraph), ("b", other)).Should().BeEmpty();
    }

    [Fact]
    public void A_paragraph_many_reports_share_links_a_few_and_counts_the_rest()
    {
        var reports = Enumerable.Range(0, 12).Select(i => ($"r{i:00}", Paragraph)).ToArray();
        var shared = Find(reports);

        shared["r00"].Single().Others.Should().HaveCount(SharedParagraphs.MaxLinks).And.StartWith("r01");
        shared["r00"].Single().OtherCount.Should().Be(11);
    }
}
