using SiteGen.Content;

namespace SiteGen.Import;

/// <summary>What the importer made of one raw page: the report's fields, its Markdown body, and its defects.</summary>
public sealed record ImportedReport
{
    public required string Title { get; init; }
    /// <summary>False when the page held no title and <see cref="Title"/> is a placeholder the editor must replace.</summary>
    public bool HasTitle { get; init; } = true;
    public required string DocType { get; init; }
    public string? Publisher { get; init; }
    public Region Region { get; init; } = Region.Unknown;
    public string? Level { get; init; }
    public int? Year { get; init; }
    public DateOnly? DateWritten { get; init; }
    public DateOnly? DatePublished { get; init; }
    public string? DocNumber { get; init; }
    public string? IndexNumber { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? Abstract { get; init; }
    public string? SourceSite { get; init; }
    public required string Body { get; init; }
    /// <summary>Defects of the source text and things the importer could not settle, for the editor and the reader.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
