using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>A file split into its YAML front matter and its body, with the lines each starts on.</summary>
public sealed record FrontMatter(string Yaml, int YamlLineOffset, string Body, int BodyLine)
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
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is Fence or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]);
                return new FrontMatter(yaml, 1, body, i + 2);
            }
        }
        diagnostics.Add(new Diagnostic(file, 1, 1, "front matter is not closed: add a '---' line after the last field"));
        return null;
    }
}
