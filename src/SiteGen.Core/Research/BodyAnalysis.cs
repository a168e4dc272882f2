using SiteGen.Rendering;

namespace SiteGen.Research;

/// <summary>
/// What a report's body tells a researcher, computed once per version of the report's file and cached with it:
/// the required sections its headings introduce, its paragraphs' prints (for finding copies), and its length.
/// </summary>
/// <param name="Chars">Letters and digits in the body: its length, as the statistics count it.</param>
internal sealed record BodyAnalysis(IReadOnlyList<SectionFound> Sections, ParagraphPrints Paragraphs, int Chars)
{
    /// <param name="blocks">The report's Markdown body, read as blocks without rendering (see <see cref="BodyBlocks"/>).</param>
    public static BodyAnalysis Of(IReadOnlyList<Block> blocks)
    {
        var headings = blocks.Where(b => b.IsHeading).Select(b => new TocEntry(b.Level, b.Text, b.Id)).ToList();
        // Each block measured once, for the body's length and for which paragraphs are long enough to print.
        var measured = blocks.Select(b => (Block: b, Length: ParagraphPrints.Length(b.Text))).ToList();
        var paragraphs = measured.Where(m => !m.Block.IsHeading).Select(m => (m.Block.Text, m.Length));
        return new(RequiredSections.Find(headings), ParagraphPrints.Of(paragraphs), measured.Sum(m => m.Length));
    }
}
