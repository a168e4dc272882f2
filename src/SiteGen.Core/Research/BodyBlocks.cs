using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Research;

/// <summary>A block of a report body: a heading (level 1–6) or a paragraph (level 0), as plain text.</summary>
/// <param name="Id">A heading's anchor on the report page (sec-1, sec-2 … as the renderer numbers headings); empty for a paragraph.</param>
internal sealed record Block(int Level, string Text, string Id)
{
    public bool IsHeading => Level > 0;
}

/// <summary>
/// The blocks of a Markdown body read straight from its lines: what the research views need (headings, paragraphs,
/// plain text) without rendering. Rendering every body once more for them made a cold build of 10,000 reports a
/// quarter slower; a line scan costs a few percent of a render. It follows CommonMark where report bodies go (ATX and
/// setext headings, fenced code, block quotes, links and emphasis) and numbers headings as the renderer does.
/// </summary>
internal static partial class BodyBlocks
{
    public static IReadOnlyList<Block> Of(string markdown)
    {
        var blocks = new List<Block>();
        var paragraph = new StringBuilder();
        var fence = (string?)null;
        var headings = 0;
        void Close()
        {
            if (paragraph.Length > 0) blocks.Add(new Block(0, Inline(paragraph.ToString()), ""));
            paragraph.Clear();
        }
        Block Heading(int level, string text) => new(level, Inline(text), $"sec-{++headings}");

        // Lines as spans of the body: a string is made only of a line a block marker may start (a regex reads it).
        for (var rest = markdown.AsSpan(); ;)
        {
            var end = rest.IndexOf('\n');
            var raw = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            // Each pattern is tried only on a line whose first character could start it: most lines are prose.
            var line = (Lead(raw) == '>' ? Quote().Replace(raw.ToString(), "").AsSpan() : raw).TrimEnd('\r');
            var lead = Lead(line);
            if (fence is not null)
            {
                if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal)) { Close(); fence = null; }
                else paragraph.Append(line.Trim());
            }
            else if (lead is '`' or '~' && Fence().Match(line.ToString()) is { Success: true } opening) { Close(); fence = opening.Groups[1].Value; }
            else if (lead == '#' && Atx(line, out var level, out var heading)) { Close(); blocks.Add(Heading(level, heading)); }
            else if (paragraph.Length > 0 && lead is '=' or '-' && Setext().IsMatch(line))
            {
                var text = paragraph.ToString();
                paragraph.Clear();
                blocks.Add(Heading(line.TrimStart()[0] == '=' ? 1 : 2, text));
            }
            else if (line.Trim().Length == 0) Close();
            // Soft line breaks inside a Chinese paragraph join without a space, as the text was written.
            else paragraph.Append(line.Trim());
            if (end < 0) break;
        }
        Close();
        return blocks;
    }

    /// <summary>Inline markup taken off: links and images keep their text, emphasis and code marks go, escapes resolve.</summary>
    private static string Inline(string text)
    {
        if (text.AsSpan().IndexOfAny(InlineMarks) < 0) return text.Trim();
        text = Link().Replace(text, "$1");
        text = Emphasis().Replace(text, "");
        return Escape().Replace(text, "$1").Trim();
    }

    private static readonly System.Buffers.SearchValues<char> InlineMarks = System.Buffers.SearchValues.Create("[*_`\\");

    /// <summary>The line's first character after the (up to three) spaces block markers may stand behind.</summary>
    private static char Lead(ReadOnlySpan<char> line)
    {
        var at = 0;
        while (at < line.Length && line[at] == ' ') at++;
        return at < line.Length ? line[at] : '\0';
    }

    /// <summary>
    /// An ATX heading (CommonMark): up to three spaces, one to six #, then white space or the line's end; the text is what
    /// follows, without a closing run of # that white space stands before. Read by hand: as a regular expression it was
    /// a fifth of a body's analysis (300,000 headings at 10,000 reports).
    /// </summary>
    private static bool Atx(ReadOnlySpan<char> line, out int level, out string text)
    {
        (level, text) = (0, "");
        var at = 0;
        while (at < line.Length && at < 4 && line[at] == ' ') at++;
        var marks = 0;
        while (at + marks < line.Length && line[at + marks] == '#') marks++;
        var rest = line[(at + marks)..];
        if (at > 3 || marks is 0 or > 6 || rest.Length > 0 && rest[0] is not (' ' or '\t')) return false;
        var words = rest.Trim(" \t");
        var beforeClosing = words.TrimEnd('#');
        // A closing run counts only after white space: in "## C#" or "## #" the # is text.
        if (beforeClosing.Length < words.Length && beforeClosing.TrimEnd(" \t") is var kept && kept.Length < beforeClosing.Length) words = kept;
        (level, text) = (marks, words.ToString());
        return true;
    }

    [GeneratedRegex(@"^ {0,3}(=+|-+)[ \t]*$")]
    private static partial Regex Setext();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?: {0,3}> ?)+")]
    private static partial Regex Quote();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escape();
}
