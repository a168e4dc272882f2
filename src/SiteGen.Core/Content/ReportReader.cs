using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Yaml;
using SiteGen.Search.Format;

namespace SiteGen.Content;

/// <summary>Turns one Markdown file into a <see cref="Report"/>, or into diagnostics naming what is wrong.</summary>
public static partial class ReportReader
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "title", "slug", "doc_type", "year", "publisher", "region", "level", "date_written", "date_published",
        "doc_number", "index_number", "keywords", "abstract", "source", "warnings",
    ];

    private static readonly string[] RegionFields = ["province", "city", "county", "code"];
    private static readonly string[] SourceFields = ["site", "url", "file"];

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

        map.RejectUnknownKeys(Fields);
        var report = new Report
        {
            SourcePath = relativePath,
            Title = map.Text("title", required: true) ?? "",
            Slug = ReadSlug(map, relativePath),
            DocType = map.OneOf("doc_type", Vocabulary.DocTypeNames) ?? Vocabulary.OtherDocType,
            Year = map.Integer("year", 1949, 2100),
            Publisher = map.Text("publisher"),
            Region = ReadRegion(map.Map("region")),
            Level = map.OneOf("level", Vocabulary.Levels),
            DateWritten = map.Date("date_written"),
            DatePublished = map.Date("date_published"),
            DocNumber = map.Text("doc_number"),
            IndexNumber = map.Text("index_number"),
            Keywords = map.TextList("keywords"),
            Abstract = map.Text("abstract"),
            Source = ReadSource(map.Map("source")),
            Warnings = map.TextList("warnings"),
            BodyStart = parts.BodyStart,
            BodyLine = parts.BodyLine,
            BodyUnits = Search.Format.TextUnits.Count(normalized.AsSpan(parts.BodyStart)),
            SourceText = normalized,
            SourceKey = Cache.Fingerprint.Of(normalized),
        };

        diagnostics.AddRange(local.ToSortedList());
        return local.HasErrors ? null : report;
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

    // Device names Windows will not create as files, whatever the extension: a zip holding one fails to unpack there.
    internal static bool IsReservedName(string name) => ReservedNames.Contains(name.ToLowerInvariant());

    private static readonly HashSet<string> ReservedNames =
        ["con", "prn", "aux", "nul", .. Enumerable.Range(1, 9).SelectMany(n => new[] { $"com{n}", $"lpt{n}" })];

    private static string ReadSlug(YamlMap map, string relativePath)
    {
        var slug = map.Matching("slug", SlugPattern(),
            "a slug is lowercase ASCII letters and digits joined by single hyphens, e.g. gaoyao-2021-annual-report");
        if (slug is not null && ReservedNames.Contains(slug))
        {
            map.Error("slug", $"field 'slug' is '{slug}', a name Windows reserves for devices; choose another");
            return slug;
        }
        if (slug is not null) return slug;

        var stem = Path.GetFileNameWithoutExtension(relativePath).ToLowerInvariant();
        if (SlugPattern().IsMatch(stem) && !ReservedNames.Contains(stem)) return stem;
        // A file named in Chinese still needs an ASCII path: derive a stable one from its name.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(relativePath));
        return "r-" + Convert.ToHexStringLower(hash)[..10];
    }

    private static Region ReadRegion(YamlMap? map)
    {
        if (map is null) return Region.Unknown;
        map.RejectUnknownKeys(RegionFields);
        return new Region(
            map.Text("province"),
            map.Text("city"),
            map.Text("county"),
            map.Matching("code", RegionCodePattern(), "a region code is the 6 digits of GB/T 2260, e.g. \"441204\""));
    }

    private static SourceInfo ReadSource(YamlMap? map)
    {
        if (map is null) return SourceInfo.None;
        map.RejectUnknownKeys(SourceFields);
        return new SourceInfo(
            map.Text("site"),
            map.Matching("url", WebUrlPattern(), "a source URL starts with http:// or https://"),
            map.Text("file"));
    }

    [GeneratedRegex(@"^(?=.{1,120}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    // [0-9], not \d: \d also matches full-width and other scripts' digits, which no folder name may hold.
    [GeneratedRegex(@"^[0-9]{6}$")]
    private static partial Regex RegionCodePattern();

    [GeneratedRegex(@"^https?://[^\s]+$", RegexOptions.IgnoreCase)]
    private static partial Regex WebUrlPattern();
}
