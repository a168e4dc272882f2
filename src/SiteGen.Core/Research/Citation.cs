using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Content;

namespace SiteGen.Research;

/// <summary>How to cite a report: GB/T 7714-2015 for an online document, BibTeX and CSL-JSON to paste into a reference manager.</summary>
internal sealed record Citation(string GbT7714, string BibTex, string CslJson)
{
    /// <summary>Where the reader fills in the day they consulted the report: a static page cannot know it.</summary>
    public const string AccessedPlaceholder = "[引用日期]";

    /// <param name="url">The report's own address (source.url) where known, else its page in the archive.</param>
    public static Citation For(Report report, string url) => new(GbT(report, url), BibTexEntry(report, url), Csl(report, url));

    /// <summary>高要区人民政府. 高要区2021年法治政府建设年度报告[EB/OL]. (2022-02-23)[引用日期]. URL.</summary>
    private static string GbT(Report report, string url)
    {
        var author = report.Publisher is { } p ? string.Join(", ", Issuers(p)) + ". " : "";
        var date = FrontMatterWriter.Iso(report.Date) is { } d ? $"({d})" : "";
        return $"{author}{report.Title}[EB/OL]. {date}{AccessedPlaceholder}. {url}.";
    }

    private static string BibTexEntry(Report report, string url)
    {
        var fields = new List<(string, string)>();
        // Double braces: a body's name is one name, not a first and last name.
        if (report.Publisher is { } p) fields.Add(("author", string.Join(" and ", Issuers(p).Select(i => "{" + TeX(i) + "}"))));
        fields.Add(("title", TeX(report.Title)));
        if (FrontMatterWriter.Iso(report.Date) is { } date) fields.Add(("date", date));
        if (report.DocNumber is { } number) fields.Add(("number", TeX(number)));
        fields.Add(("url", url));
        fields.Add(("langid", "chinese"));
        return $"@online{{{report.Slug},\n" + string.Concat(fields.Select(f => $"  {f.Item1} = {{{f.Item2}}},\n")) + "}";
    }

    // Written straight, not as a JSON document made and then serialised: a citation for every report page and data row.
    private static string Csl(Report report, string url)
    {
        var bytes = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(bytes, Json))
        {
            json.WriteStartObject();
            json.WriteString("id", report.Slug);
            json.WriteString("type", "report");
            json.WriteString("title", report.Title);
            if (report.Publisher is { } p)
            {
                json.WriteStartArray("author");
                foreach (var issuer in Issuers(p))
                {
                    json.WriteStartObject();
                    json.WriteString("literal", issuer);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteString("publisher", p);
            }
            if (report.Date is { } d)
            {
                json.WriteStartObject("issued");
                json.WriteStartArray("date-parts");
                json.WriteStartArray();
                foreach (var part in new[] { d.Year, d.Month, d.Day }) json.WriteNumberValue(part);
                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            if (report.DocNumber is { } number) json.WriteString("number", number);
            json.WriteString("URL", url);
            json.WriteString("language", "zh-CN");
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    private static readonly JsonWriterOptions Json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Jointly issued documents name their issuers with 、.</summary>
    private static string[] Issuers(string publisher) => publisher.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Characters TeX reads as commands, escaped.</summary>
    private static string TeX(string text) => text.AsSpan().IndexOfAny(TeXCommands) < 0 ? text : string.Concat(text.Select(c => c switch
    {
        '\\' => @"\textbackslash{}",
        '{' or '}' or '%' or '&' or '$' or '#' or '_' => "\\" + c,
        '~' => @"\textasciitilde{}",
        '^' => @"\textasciicircum{}",
        _ => c.ToString(),
    }));

    private static readonly SearchValues<char> TeXCommands = SearchValues.Create("\\{}%&$#_~^");
}
