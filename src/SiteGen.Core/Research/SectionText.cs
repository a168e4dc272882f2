using System.Text;

namespace SiteGen.Research;

/// <summary>The text a report gives under each required section's heading: its paragraphs, one a line.</summary>
internal static class SectionText
{
    /// <summary>
    /// For each found section, the lines after its heading up to the next heading of the same or a higher level, without
    /// the empty ones. Only those lines are decoded: a comparison reads a body for a few sections, and decoding every
    /// body whole and splitting it into blocks was most of what the comparison pages allocated.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(BodyText body, IReadOnlyList<SectionFound> found)
    {
        var text = body.Utf8.Span;
        var (levels, starts) = (body.Levels, body.LineStarts());
        // Headings are numbered as BodyBlocks numbers them (sec-1, sec-2 …), which is how a found section names its own.
        var headingAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var line = 0; line < levels.Length; line++)
            if (levels[line] > 0) headingAt[$"sec-{headingAt.Count + 1}"] = line;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in found)
        {
            if (!headingAt.TryGetValue(section.Id, out var at)) continue;
            var end = at + 1;
            while (end < levels.Length && (levels[end] == 0 || levels[end] > levels[at])) end++;
            var lines = end == at + 1 ? "" : Encoding.UTF8.GetString(text[starts[at + 1]..(starts[end] - 1)]);
            texts[section.Code] = HasEmptyLine(lines) ? string.Join("\n", lines.Split('\n').Where(l => l.Length > 0)) : lines;
        }
        return texts;
    }

    private static bool HasEmptyLine(string lines) =>
        lines.Length > 0 && (lines[0] == '\n' || lines[^1] == '\n' || lines.Contains("\n\n", StringComparison.Ordinal));
}
