namespace SiteGen.Content;

/// <summary>
/// What an editor writes in a report's front matter, typed: shared by a loaded <see cref="Report"/> and by what the
/// importer makes of a raw page. <see cref="FrontMatterSchema"/> reads, checks, writes and caches each of them.
/// </summary>
public abstract record ReportFields
{
    public required string Title { get; init; }
    public string DocType { get; init; } = Vocabulary.OtherDocType;
    public int? Year { get; init; }
    public string? Publisher { get; init; }
    public Region Region { get; init; } = Region.Unknown;
    public string? Level { get; init; }
    public DateOnly? DateWritten { get; init; }
    public DateOnly? DatePublished { get; init; }
    public string? DocNumber { get; init; }
    public string? IndexNumber { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary><see cref="FrontMatterSchema.ProposedKeywords"/> when the importer proposed <see cref="Keywords"/> and no editor has checked them.</summary>
    public string? KeywordsSource { get; init; }
    public string? Abstract { get; init; }
    public SourceInfo Source { get; init; } = SourceInfo.None;
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The date a reader would call the report's date: published, else written.</summary>
    public DateOnly? Date => DatePublished ?? DateWritten;

    public bool KeywordsProposed => KeywordsSource == FrontMatterSchema.ProposedKeywords;
}

public sealed record Region(string? Province, string? City, string? County, string? Code)
{
    public static readonly Region Unknown = new(null, null, null, null);

    public bool IsKnown => Province is not null || City is not null || County is not null;

    /// <summary>
    /// Province, city and county, from the widest to the narrowest, skipping the unknown and a level that
    /// repeats the one above it (东莞市 is both the city and its own county-level unit).
    /// </summary>
    public IEnumerable<string> Names()
    {
        string? previous = null;
        foreach (var name in new[] { Province, City, County })
        {
            if (name is not null && name != previous) yield return name;
            previous = name ?? previous;
        }
    }

    public string Display => string.Join(" ", Names());
}

public sealed record SourceInfo(string? Site, string? Url, string? File)
{
    public static readonly SourceInfo None = new(null, null, null);
}
