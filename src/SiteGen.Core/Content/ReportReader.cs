using System.Security.Cryptography;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Yaml;

namespace SiteGen.Content;

/// <summary>Turns one Markdown file into a <see cref="Report"/>, or into diagnostics naming what is wrong.</summary>
internal static class ReportReader
{
    public static Report? Read(string relativePath, string text, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var normalized = TextFile.Normalize(text);
        if (ControlCharacters(normalized, relativePath, local))
        {
            diagnostics.AddRange(local.ToSortedList());
            return null;
        }
        var parts = FrontMatter.Split(normalized, relativePath, local);
        var map = parts is null ? null : YamlMap.Parse(parts.Yaml, relativePath, parts.YamlLineOffset, local);
        if (parts is null || map is null)
        {
            diagnostics.AddRange(local.ToSortedList());
            return null;
        }

        map.RejectUnknownKeys(FrontMatterSchema.Keys);
        ReportFields report = new Report
        {
            SourcePath = relativePath,
            Title = "",
            Slug = DefaultSlug(relativePath),
            BodyStart = parts.BodyStart,
            BodyLine = parts.BodyLine,
            SourceText = normalized,
            SourceKey = Cache.Fingerprint.Of(normalized),
        };
        foreach (var field in FrontMatterSchema.Fields) report = field.Read(map, report);

        diagnostics.AddRange(local.ToSortedList());
        return local.HasErrors ? null : (Report)report;
    }

    /// <summary>Control characters (pasted from Word or a broken scrape) would corrupt pages, feed and index: each is named.</summary>
    private static bool ControlCharacters(string text, string file, DiagnosticBag diagnostics)
    {
        var found = Diagnostics.ControlCharacters.Find(text).Take(5).ToList();
        foreach (var (index, _, code) in found)
        {
            var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            var before = text.AsSpan(lineStart, index - lineStart);
            // Columns count characters: a surrogate pair is one.
            var column = before.Length - before.ToString().Count(char.IsLowSurrogate) + 1;
            diagnostics.Add(new Diagnostic(file, text.AsSpan(0, index).Count('\n') + 1, column,
                $"control character U+{code:X4} in the text; delete it (it is invisible in most editors)"));
        }
        return found.Count > 0;
    }

    /// <summary>The slug of a file whose front matter names none: its file name, or a stable ASCII id made from a Chinese one.</summary>
    private static string DefaultSlug(string relativePath)
    {
        var stem = Path.GetFileNameWithoutExtension(relativePath).ToLowerInvariant();
        if (FrontMatterSchema.SlugPattern().IsMatch(stem) && !FrontMatterSchema.IsReservedName(stem)) return stem;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(relativePath));
        return "r-" + Convert.ToHexStringLower(hash)[..10];
    }
}
