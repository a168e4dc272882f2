using System.Text;
using FluentAssertions;
using SiteGen.Rendering;
using SiteGen.Research;

namespace SiteGen.Tests.Research;

/// <summary>The line scan the research views read bodies with agrees with the renderer on headings, their anchors and the text.</summary>
public class BodyBlocksTests
{
    [Theory]
    [InlineData("## 一、主要举措和成效\n\n正文。\n\n### （一）组织领导\n\n正文。\n\n## 二、存在问题 ##\n\n不足。\n")]
    [InlineData("标题行\n===\n\n段落\n第二行\n\n二级标题\n---\n\n正文。\n")]
    [InlineData("```\n# 不是标题\n```\n\n## 是标题\n\n> ## 引文里的标题\n> 引文。\n\n#没有空格不是标题\n\n#\n")]
    [InlineData("## [链接](https://example.org/) 与 **强调** 的标题\n\n含 `代码` 和 \\* 的段落。\n")]
    [InlineData("## C# 与 F#\n\n### 三级 ###   \n\n   ## 三个空格\n\n    ## 四个空格是代码\n\n####### 七个井号\n\n##\t制表符\t##\n\n#### 结尾 #井号\n")]
    public void Headings_and_their_anchors_are_the_renderers(string markdown)
    {
        var rendered = MarkdownRenderer.Render(markdown);
        var headings = BodyBlocks.Of(markdown).Where(b => b.IsHeading).Select(b => (b.Level, b.Text, b.Id));

        headings.Should().Equal(rendered.Toc.Select(t => (t.Level, t.Text, t.Id)));
    }

    [Fact]
    public void The_text_is_each_block_on_a_line_without_markup()
    {
        var blocks = BodyBlocks.Of("## 一、主要工作\n\n全年办理**行政复议**案件，见[附件](a.pdf)。\n第二行接着写。\n\n- 列表项\n");
        Encoding.UTF8.GetString(BodyText.Of(blocks).Utf8.Span).Should().Be("一、主要工作\n全年办理行政复议案件，见附件。第二行接着写。\n- 列表项");
    }

    [Theory]
    [InlineData("## 一、主要工作\n\n正文。\n\n#\n\n### （一）组织\n\n**\n\n段落。\n")]
    [InlineData("")]
    [InlineData("只有一段。")]
    public void A_bodys_kept_text_is_its_blocks_text_and_levels(string markdown)
    {
        // The data files and comparisons read the text kept from the analysis, not the body: it must be the same blocks.
        var blocks = BodyBlocks.Of(markdown);
        var folder = Path.Combine(Path.GetTempPath(), "sitegen-spill-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            Spill(folder, blocks);
        }
        finally
        {
            // The spill leaves its folder (a build's is beside the site); the test's is its own to remove.
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    private static void Spill(string folder, IReadOnlyList<Block> blocks)
    {
        using var spill = new BodyTextSpill(folder);
        Parallel.For(0, 50, i => spill.Put($"r{i}", blocks));

        foreach (var i in Enumerable.Range(0, 50))
        {
            // What the spill lends goes back to the pool: a caller keeps only what it made of it.
            spill.TryUse($"r{i}", kept => (Encoding.UTF8.GetString(kept.Utf8.Span), kept.Levels.ToArray()), out var got).Should().BeTrue();
            got.Item1.Should().Be(string.Join("\n", blocks.Select(b => b.Text)), "the JSON Lines take the text as UTF-8 straight from the spill");
            got.Item2.Should().Equal(blocks.Select(b => (byte)b.Level));
        }
        spill.TryUse("never-put", kept => kept, out _).Should().BeFalse();
        // A build killed while it holds the texts must leave no file beside the site.
        if (!OperatingSystem.IsWindows()) Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }
}
