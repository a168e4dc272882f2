using SiteGen.Content;

namespace SiteGen.Import;

/// <summary>What the importer made of one raw page: the report's fields, its Markdown body, and where each field came from.</summary>
public sealed record ImportedReport : ReportFields
{
    /// <summary>False when the page held no title and <see cref="ReportFields.Title"/> is a placeholder the editor must replace.</summary>
    public bool HasTitle { get; init; } = true;
    public required string Body { get; init; }
    /// <summary>For each field found, keyed by its front-matter key: the line of the page and the rule that found it.</summary>
    public IReadOnlyDictionary<string, Evidence> Evidence { get; init; } = new Dictionary<string, Evidence>();
}

/// <summary>Where a field's value came from: a line of the page as the importer read it (1-based; none when not from one line) and the rule.</summary>
public sealed record Evidence(int? Line, string Rule);
