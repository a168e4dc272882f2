using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteGen.Content;

/// <summary>Writes front matter that <see cref="ReportReader"/> reads back to the same values: every field in the schema's order.</summary>
public sealed partial class FrontMatterWriter
{
    private readonly StringBuilder _yaml = new();

    /// <summary>The front matter of <paramref name="report"/>, between its two <c>---</c> lines, with a blank line after.</summary>
    internal static string Write(ReportFields report)
    {
        var writer = new FrontMatterWriter();
        writer._yaml.Append("---\n");
        foreach (var field in FrontMatterSchema.Fields) field.Write(writer, report);
        return writer._yaml.Append("---\n\n").ToString();
    }

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal void Text(string key, string? value, int indent = 0)
    {
        if (value is not null) Line(key, Scalar(value), indent);
    }

    internal void Quoted(string key, string? value, int indent = 0)
    {
        if (value is not null) Line(key, JsonSerializer.Serialize(value, Json), indent);
    }

    internal void Number(string key, int? value)
    {
        if (value is not null) Line(key, value.Value.ToString(CultureInfo.InvariantCulture));
    }

    internal void Date(string key, DateOnly? value)
    {
        if (value is not null) Line(key, Iso(value)!);
    }

    internal void List(string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        _yaml.Append(key).Append(":\n");
        foreach (var value in values) _yaml.Append("  - ").Append(Scalar(value)).Append('\n');
    }

    internal void Mapping(string key) => _yaml.Append(key).Append(":\n");

    private void Line(string key, string value, int indent = 0) => _yaml.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');

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
