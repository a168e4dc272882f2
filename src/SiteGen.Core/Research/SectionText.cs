using SiteGen.Rendering;

namespace SiteGen.Research;

/// <summary>The text a report gives under each required section's heading: its paragraphs, one a line.</summary>
public static class SectionText
{
    /// <summary>For each found section, the lines after its heading up to the next heading of the same or a higher level.</summary>
    public static IReadOnlyDictionary<string, string> Of(RenderedBody body, IReadOnlyList<SectionFound> found)
    {
        // The plain text has one line per block, headings included, in the order of the table of contents.
        var lines = body.PlainText.Split('\n');
        var headingLine = new int[body.Toc.Count];
        for (int line = 0, heading = 0; line < lines.Length && heading < body.Toc.Count; line++)
            if (lines[line] == body.Toc[heading].Text) headingLine[heading++] = line;

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in found)
        {
            var at = body.Toc.ToList().FindIndex(h => h.Id == section.Id);
            if (at < 0) continue;
            var end = Enumerable.Range(at + 1, body.Toc.Count - at - 1).FirstOrDefault(i => body.Toc[i].Level <= body.Toc[at].Level, -1);
            var last = end < 0 ? lines.Length : headingLine[end];
            texts[section.Code] = string.Join("\n", lines[(headingLine[at] + 1)..last].Where(l => l.Trim().Length > 0));
        }
        return texts;
    }
}
