using SiteGen.Rendering;

namespace SiteGen.Research;

/// <summary>
/// What a report's body tells a researcher, computed once per version of the report's file and cached with it:
/// the required sections its headings introduce, its paragraphs' prints (for finding copies), and its length.
/// </summary>
/// <param name="Chars">Letters and digits in the body: its length, as the statistics count it.</param>
public sealed record BodyAnalysis(IReadOnlyList<SectionFound> Sections, IReadOnlyList<ParagraphPrint> Paragraphs, int Chars)
{
    public static BodyAnalysis Of(RenderedBody body) =>
        new(RequiredSections.Find(body.Toc), ParagraphPrint.Of(body.PlainText), ParagraphPrint.Normalize(body.PlainText).Length);
}
