using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Content;

namespace SiteGen.Import;

/// <summary>Writes an imported report as a content file: YAML front matter in the schema's order, then the body.</summary>
public static partial class ReportFile
{
    /// <summary>An ASCII file name from what is known: region code, year, type, and a short hash of the title.</summary>
    public static string FileName(ImportedReport report)
    {
        var parts = new List<string>();
        if (report.Region.Code is { } code) parts.Add(code);
        if (report.Year is { } year) parts.Add(year.ToString(CultureInfo.InvariantCulture));
        parts.Add(Vocabulary.DocTypePath(report.DocType));
        // Untitled pages all share one placeholder title: their text tells them apart.
        parts.Add(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(report.HasTitle ? report.Title : report.Body)))[..6]);
        return string.Join("-", parts) + ".md";
    }

    public static string Write(ImportedReport report, string? sourceFile)
    {
        var yaml = new StringBuilder("---\n");
        void Field(string key, string? value, int indent = 0)
        {
            if (value is not null) yaml.Append(' ', indent).Append(key).Append(": ").Append(Scalar(value)).Append('\n');
        }
        void Typed(string key, string? value) // numbers and dates, which the schema reads as such
        {
            if (value is not null) yaml.Append(key).Append(": ").Append(value).Append('\n');
        }
        void List(string key, IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            yaml.Append(key).Append(":\n");
            foreach (var value in values) yaml.Append("  - ").Append(Scalar(value)).Append('\n');
        }

        Field("title", report.Title);
        Field("doc_type", report.DocType);
        Typed("year", report.Year?.ToString(CultureInfo.InvariantCulture));
        Field("publisher", report.Publisher);
        if (report.Region.IsKnown)
        {
            yaml.Append("region:\n");
            Field("province", report.Region.Province, 2);
            Field("city", report.Region.City, 2);
            Field("county", report.Region.County, 2);
            if (report.Region.Code is { } code) yaml.Append("  code: \"").Append(code).Append("\"\n");
        }
        Field("level", report.Level);
        Typed("date_written", Iso(report.DateWritten));
        Typed("date_published", Iso(report.DatePublished));
        Field("doc_number", report.DocNumber);
        Field("index_number", report.IndexNumber);
        List("keywords", report.Keywords);
        Field("abstract", report.Abstract);
        if (report.SourceSite is not null || sourceFile is not null)
        {
            yaml.Append("source:\n");
            Field("site", report.SourceSite, 2);
            Field("file", sourceFile, 2);
        }
        List("warnings", report.Warnings);
        yaml.Append("---\n\n").Append(report.Body);
        return yaml.ToString();
    }

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Plain where YAML reads plain text back unchanged, else a double-quoted (JSON-escaped) string.</summary>
    private static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !ReservedPlain().IsMatch(value) && !value.Contains(": ") && !value.Contains(" #")
            ? value
            : JsonSerializer.Serialize(value, Json);

    // No leading indicator, no control characters, no trailing space or colon.
    [GeneratedRegex(@"^[^\s\-?:,\[\]{}#&*!|>'""%@`][^\x00-\x1F\x7F]*(?<![\s:])$")]
    private static partial Regex PlainSafe();

    // Words and numbers YAML would read as something other than text.
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\d{4}-\d{2}-\d{2}.*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex ReservedPlain();
}
