using System.Text.Json.Serialization;
using SiteGen.Rendering;

namespace SiteGen.Site;

// The shapes templates see. Names here are the names templates use; see templates/README.md.

public sealed record ReportSummary(
    string Title, string Url, string? DateIso, string? DateText, string? Year, string DocType,
    string? Publisher, string? Region, bool Damaged);

public sealed record Link(string Name, string Url);

public sealed record MetaRow(string Label, string Text, string? Url, string? DateIso)
{
    public bool External => Url is not null && (Url.StartsWith("http://", StringComparison.Ordinal) || Url.StartsWith("https://", StringComparison.Ordinal));
}

public sealed record GroupEntry(string Name, string Url, int Count, IReadOnlyList<GroupEntry> Children);

/// <summary>A link to a page of a listing, or (no URL) the gap where page numbers are skipped.</summary>
public sealed record PageLink(int Number, string? Url, bool Current);

public sealed record Pagination(int Number, int Count, string? PreviousUrl, string? NextUrl, IReadOnlyList<PageLink> Pages)
{
    public bool Many => Count > 1;
}

public sealed record Download(string Url, string SizeText);

public sealed class HomePage : PageModel
{
    public required int ReportCount { get; init; }
    public required int YearCount { get; init; }
    public required int RegionCount { get; init; }
    public required int PublisherCount { get; init; }
    public required IReadOnlyList<ReportSummary> Recent { get; init; }
    public required IReadOnlyList<GroupEntry> Browse { get; init; }
    public required string AllUrl { get; init; }
    public Download? Download { get; init; }
}

public sealed class ReportPage : PageModel
{
    public required string Heading { get; init; }
    public required IReadOnlyList<MetaRow> Meta { get; init; }

    /// <summary>The body, rendered only when the page is: a page an earlier build already made needs none of it.</summary>
    [JsonIgnore] public Lazy<RenderedBody> Rendered { get; init; } = null!;
    /// <summary>Stands for the body (and all that is derived from it) in the page's fingerprint.</summary>
    public required string BodyKey { get; init; }
    [JsonIgnore] public IReadOnlyList<TocEntry> Toc => Rendered.Value.Toc;
    [JsonIgnore] public string Body => Rendered.Value.Html;
    [JsonIgnore] public override string Description => Abstract ?? PagePlanner.Excerpt(Rendered.Value.PlainText, 120);
    public string? Abstract { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public required string SourceUrl { get; init; }
    public ReportSummary? Previous { get; init; }
    public ReportSummary? Next { get; init; }
    public string? RegionName { get; init; }
    public required IReadOnlyList<Link> Breadcrumbs { get; init; }
}

public sealed class ListingPageView : PageModel
{
    public required string Heading { get; init; }
    public required int Count { get; init; }
    public required IReadOnlyList<ReportSummary> Reports { get; init; }
    public required IReadOnlyList<GroupEntry> Children { get; init; }
    public required Pagination Pagination { get; init; }
    public required IReadOnlyList<Link> Breadcrumbs { get; init; }
}

public sealed class GroupsPage : PageModel
{
    public required string Heading { get; init; }
    public required string Intro { get; init; }
    public required IReadOnlyList<GroupEntry> Groups { get; init; }
}

public sealed class NotFoundPage : PageModel;

public sealed class SearchPage : PageModel
{
    public string Runtime => SitePaths.SearchRuntime;
}
