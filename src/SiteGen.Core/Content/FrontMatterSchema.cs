using System.Text.RegularExpressions;
using SiteGen.Yaml;

namespace SiteGen.Content;

/// <summary>
/// The front matter's fields, in the order files write them: the one table from which reports are read and
/// checked (<see cref="ReportReader"/>), imported pages written (<see cref="FrontMatterWriter"/>), reports kept in
/// the build cache, and the README's field table made (a test keeps it in step).
/// </summary>
public static partial class FrontMatterSchema
{
    /// <summary>The value of <c>keywords_source</c> that marks keywords the importer proposed.</summary>
    internal const string ProposedKeywords = "auto";

    internal static readonly IReadOnlyList<SchemaField> Fields =
    [
        Field("title", new TextKind(Required: true), "the document's own title", r => r.Title, (r, v) => r with { Title = v ?? "" }),
        Field("doc_type", new ChoiceKind(Vocabulary.DocTypeNames), $"default {Vocabulary.OtherDocType}",
            r => r.DocType, (r, v) => r with { DocType = v ?? Vocabulary.OtherDocType }),
        Field("year", new IntegerKind(1949, 2100), "the year the report covers (not the year it was published)", r => r.Year, (r, v) => r with { Year = v }),
        Field("publisher", new TextKind(), "issuing body (发布机构/发文机关)", r => r.Publisher, (r, v) => r with { Publisher = v }),
        Field("region", new RegionKind(), "place the report is about; `code` is the 6-digit GB/T 2260 code, quoted (`\"441204\"`)",
            r => r.Region, (r, v) => r with { Region = v }),
        Field("level", new ChoiceKind(Vocabulary.Levels), "level of the issuer", r => r.Level, (r, v) => r with { Level = v }),
        Field("date_written", new DateKind(), "成文/落款日期", r => r.DateWritten, (r, v) => r with { DateWritten = v }),
        Field("date_published", new DateKind(), "发布日期", r => r.DatePublished, (r, v) => r with { DatePublished = v }),
        Field("doc_number", new TextKind(), "文号, e.g. 安经开〔2018〕7号", r => r.DocNumber, (r, v) => r with { DocNumber = v }),
        Field("index_number", new TextKind(), "索引号", r => r.IndexNumber, (r, v) => r with { IndexNumber = v }),
        Field("keywords", new TextListKind(), "主题词", r => r.Keywords, (r, v) => r with { Keywords = v }),
        Field("keywords_source", new ChoiceKind([ProposedKeywords]),
            "`auto`: the importer proposed the keywords (the page listed none); delete the line once an editor has checked them",
            r => r.KeywordsSource, (r, v) => r with { KeywordsSource = v }),
        Field("abstract", new TextKind(), "内容概述", r => r.Abstract, (r, v) => r with { Abstract = v }),
        Field("source", new SourceKind(), "where the text came from", r => r.Source, (r, v) => r with { Source = v }),
        Field("slug", new SlugKind(), "the page's file name; default: the file name, or a stable `r-…` id if that is not ASCII",
            r => (r as Report)?.Slug, (r, v) => r is Report report && v is not null ? report with { Slug = v } : r),
        Field("warnings", new TextListKind(),
            "defects of the source text (cut-off start, run-together paragraphs, dropped characters); shown to readers on the report page",
            r => r.Warnings, (r, v) => r with { Warnings = v }),
    ];

    public static readonly IReadOnlyList<string> Keys = Fields.Select(f => f.Key).ToList();

    /// <summary>The fields as the README's Markdown table: key, type, meaning.</summary>
    internal static string MarkdownTable() =>
        "| key | type | meaning |\n| --- | --- | --- |\n" +
        string.Concat(Fields.Select(f => $"| `{f.Key}` | {f.Kind.Describe()} | {f.Meaning} |\n"));

    private static SchemaField Field<T>(string key, IValueKind<T> kind, string meaning, Func<ReportFields, T> get, Func<ReportFields, T, ReportFields> set) =>
        new SchemaField<T>(key, kind, meaning, get, set);

    internal static bool IsReservedName(string name) => ReservedNames.Contains(name.ToLowerInvariant());

    // Device names Windows will not create as files, whatever the extension: a zip holding one fails to unpack there.
    private static readonly HashSet<string> ReservedNames =
        ["con", "prn", "aux", "nul", .. Enumerable.Range(1, 9).SelectMany(n => new[] { $"com{n}", $"lpt{n}" })];

    [GeneratedRegex(@"^(?=.{1,120}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex SlugPattern();

    // [0-9], not \d: \d also matches full-width and other scripts' digits, which no folder name may hold.
    [GeneratedRegex(@"^[0-9]{6}$")]
    internal static partial Regex RegionCodePattern();

    [GeneratedRegex(@"^https?://[^\s]+$", RegexOptions.IgnoreCase)]
    internal static partial Regex WebUrlPattern();
}

/// <summary>One front-matter key: how it is read and checked, written, kept in the cache, and described.</summary>
internal abstract class SchemaField(string key, string meaning)
{
    public string Key => key;
    public string Meaning => meaning;
    internal abstract IValueKind Kind { get; }
    internal abstract ReportFields Read(YamlMap map, ReportFields report);
    internal abstract void Write(FrontMatterWriter yaml, ReportFields report);
    internal abstract void Save(BinaryWriter writer, ReportFields report);
    internal abstract ReportFields Load(BinaryReader reader, ReportFields report);
}

internal sealed class SchemaField<T>(string key, IValueKind<T> kind, string meaning, Func<ReportFields, T> get, Func<ReportFields, T, ReportFields> set)
    : SchemaField(key, meaning)
{
    internal override IValueKind Kind => kind;
    internal override ReportFields Read(YamlMap map, ReportFields report) => set(report, kind.Read(map, Key));
    internal override void Write(FrontMatterWriter yaml, ReportFields report) => kind.Write(yaml, Key, get(report));
    internal override void Save(BinaryWriter writer, ReportFields report) => kind.Save(writer, get(report));
    internal override ReportFields Load(BinaryReader reader, ReportFields report) => set(report, kind.Load(reader));
}
