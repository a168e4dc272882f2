using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Rendering;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public class DescriptionTests
{
    private static string Description(TestSite site, string page) =>
        new HtmlParser().ParseDocument(site.ReadOutput(page)).QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "";

    [Fact]
    public void A_report_without_an_abstract_is_described_by_its_bodys_start_with_white_space_as_single_spaces()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("short", Reports.FrontMatter(title: "短报告"), "第一段  有空格。\n\n第二段\t有制表符。\n\n");
        var sentence = "全面推进依法行政，加快建设法治政府。";
        site.AddReport("long", Reports.FrontMatter(title: "长报告"), string.Concat(Enumerable.Repeat(sentence + "\n\n", 20)));
        site.Build();

        Description(site, "reports/short.html").Should().Be("第一段 有空格。 第二段 有制表符。");
        var flat = string.Join(" ", Enumerable.Repeat(sentence, 20));
        Description(site, "reports/long.html").Should().Be(flat[..120] + "…");
    }

    [Theory]
    [InlineData("  前后\n有空白  ", 10, "前后 有空白")]
    [InlineData("一二三四五", 5, "一二三四五")]
    [InlineData("一二三四五六", 5, "一二三四五…")]
    [InlineData("一二三四五 六", 5, "一二三四五…")]
    [InlineData("一二三四 \t五", 5, "一二三四 …")]
    [InlineData("", 5, "")]
    public void An_excerpt_is_cut_only_when_the_flattened_text_is_longer(string text, int length, string expected) =>
        new RenderedBody("", [], text).Excerpt(length).Should().Be(expected);

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    [InlineData(5000)]
    public void A_body_the_cache_keeps_shortened_gives_every_excerpt_the_whole_body_gives(int leadingSpaces)
    {
        // White space runs together in an excerpt, so how much text it reads depends on the text, not a count.
        var text = new string('\u3000', leadingSpaces) + string.Concat(Enumerable.Range(0, 400).Select(i => i % 7 == 0 ? "\n\n" : "法治政府"[i % 4].ToString()));
        var whole = new RenderedBody("<p>x</p>", [], text);

        var kept = whole.Shortened();

        kept.Whole.Should().BeFalse();
        kept.PlainText.Length.Should().BeLessThan(text.Length);
        foreach (var length in new[] { 1, 120, RenderedBody.MaxExcerpt }) kept.Excerpt(length).Should().Be(whole.Excerpt(length));
        new RenderedBody("", [], "短正文。").Shortened().Whole.Should().BeTrue("a text no excerpt cuts is kept whole");
    }
}
