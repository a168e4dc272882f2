namespace SiteGen.Research;

/// <summary>The text a report gives under each required section's heading: its paragraphs, one a line.</summary>
internal static class SectionText
{
    /// <summary>For each found section, the blocks after its heading up to the next heading of the same or a higher level.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<Block> blocks, IReadOnlyList<SectionFound> found)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var headingAt = Enumerable.Range(0, blocks.Count).Where(i => blocks[i].IsHeading).ToDictionary(i => blocks[i].Id, StringComparer.Ordinal);
        foreach (var section in found)
        {
            if (!headingAt.TryGetValue(section.Id, out var at)) continue;
            var lines = blocks.Skip(at + 1).TakeWhile(b => !b.IsHeading || b.Level > blocks[at].Level).Select(b => b.Text);
            texts[section.Code] = string.Join("\n", lines.Where(l => l.Length > 0));
        }
        return texts;
    }
}
