using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>
/// A file split into its YAML front matter and its body: the lines each starts on, and where in the
/// text the body starts (the body is not copied, so a report's text is held once).
/// </summary>
internal sealed record FrontMatter(string Yaml, int YamlLineOffset, int BodyStart, int BodyLine)
{
    private const string Fence = "---";

    /// <summary>Splits text that opens with a '---' line and closes its front matter with another.</summary>
    public static FrontMatter? Split(string text, string file, DiagnosticBag diagnostics)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != Fence)
        {
            diagnostics.Add(new Diagnostic(file, 1, 1,
                "missing front matter: a report must start with a '---' line, then fields such as 'title:', then '---'"));
            return null;
        }
        var offset = lines[0].Length + 1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            offset += lines[i].Length + 1;
            if (line is Fence or "...")
                return new FrontMatter(string.Join('\n', lines[1..i]), 1, Math.Min(offset, text.Length), i + 2);
        }
        diagnostics.Add(new Diagnostic(file, 1, 1, "front matter is not closed: add a '---' line after the last field"));
        return null;
    }
}
