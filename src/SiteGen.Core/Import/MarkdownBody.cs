using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>
/// Lays paragraphs out as Markdown: 一、 headings become ##, (一) headings ###; 一是… and 1. paragraphs
/// stay paragraphs. Characters Markdown would read as markup are escaped, so the text shows as written.
/// </summary>
internal static partial class MarkdownBody
{
    public static string Write(IEnumerable<string> paragraphs)
    {
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(Line(paragraph)).Append('\n');
        }
        return text.ToString();
    }

    public static string Line(string paragraph)
    {
        if (IsHeading(paragraph, SectionNumber())) return "## " + Escape(paragraph, atLineStart: false);
        if (IsHeading(paragraph, SubsectionNumber())) return "### " + Escape(paragraph, atLineStart: false);
        return Escape(paragraph, atLineStart: true);
    }

    /// <summary>A numbered line is a heading when it is short and is not a sentence that goes on.</summary>
    private static bool IsHeading(string text, Regex number) =>
        number.IsMatch(text) && text.Length <= 60 && !text.TrimEnd('。').Contains('。');

    private static string Escape(string text, bool atLineStart)
    {
        var escaped = InlineMarkup().Replace(text, @"\$0");
        if (atLineStart) escaped = BlockMarkup().Replace(escaped, m => m.Value[..^1] + "\\" + m.Value[^1]);
        return escaped;
    }

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex SectionNumber();

    [GeneratedRegex("^[（(][一二三四五六七八九十]+[)）]")]
    private static partial Regex SubsectionNumber();

    [GeneratedRegex(@"[\\`*_\[\]<>|]")]
    private static partial Regex InlineMarkup();

    // Line starts Markdown reads as blocks: "1. " lists, "- " "+ " bullets, "#" headings, "=" or "-" underlines.
    [GeneratedRegex(@"^(\d+[.)]|[-+#=])")]
    private static partial Regex BlockMarkup();
}
