using System.Text.Json.Serialization;
using SiteGen.Rendering;
using SiteGen.Research;

namespace SiteGen.Site;

// The shapes templates see. Scriban writes each property in snake_case (ReportCount is report_count);
// templates/README.md lists them all. A page's fingerprint is the JSON of its model, so everything a
// template can show belongs here, and nothing else.

/// <summary>What every template sees. Links in models are relative to the site root; templates prefix <c>root</c>.</summary>
internal abstract class PageModel
{
    public required SiteInfo Site { get; init; }
    /// <summary>The page's path from the site root, e.g. reports/x.html.</summary>
    public required string Path { get; init; }
    public required string Title { get; init; }
    /// <summary>Which part of the navigation this page belongs to (home, all, years, regions, types, publishers, report, search).</summary>
    public string Section { get; init; } = "";
    public virtual string Description { get; init; } = "";

    /// <summary>What leads from this page to the site root: "../" as many times as the page is deep, so links work from disk and under any path.</summary>
    public virtual string Root => SitePaths.RootFrom(Path);
}

/// <summary>Site-wide facts for the layout: title, language, navigation, the offline download, how recent the archive is.</summary>
internal sealed record SiteInfo(
    string Title,
    string Description,
    string Language,
    string Stylesheet,
    IReadOnlyList<NavItem> Navigation,
    string? Download,
    string SearchPage,
    string? SearchIndex,
    ShownDate? Newest)
{
    /// <summary>The search engine's script: the search page runs queries with it, a report page marks a query's matches.</summary>
    public string SearchRuntime => SitePaths.SearchRuntime;
}

internal sealed record NavItem(string Name, string Url, string Section);

internal sealed record ReportSummary(
    string Title, string Url, string? DateIso, string? DateText, string? Year, string DocType,
    string? Publisher, string? Region, bool Damaged);

internal sealed record Link(string Name, string Url);

/// <summary>A date as the site shows it (2021年3月31日) and as <c>&lt;time datetime&gt;</c> wants it.</summary>
internal sealed record ShownDate(string Iso, string Text);

/// <summary>One fact of a report's metadata: its text, and the listing or address it links to, if any.</summary>
internal sealed record MetaValue(string Text, string? Url = null, ShownDate? Date = null)
{
    /// <summary>An address outside the site, linked as it is rather than from the site root.</summary>
    public bool External => Url is not null && (Url.StartsWith("http://", StringComparison.Ordinal) || Url.StartsWith("https://", StringComparison.Ordinal));
}

internal sealed record GroupEntry(string Name, string Url, int Count, IReadOnlyList<GroupEntry> Children);

/// <summary>A link to a page of a listing, or (no URL) the gap where page numbers are skipped.</summary>
internal sealed record PageLink(int Number, string? Url, bool Current);

internal sealed record Pagination(int Number, int Count, string? PreviousUrl, string? NextUrl, IReadOnlyList<PageLink> Pages)
{
    public bool Many => Count > 1;
    public string? FirstUrl => Pages.Count > 0 && Number > 1 ? Pages[0].Url : null;
    public string? LastUrl => Pages.Count > 0 && Number < Count ? Pages[^1].Url : null;
}

/// <summary>The offline zip: where it is, and its size once it is written (hosted pages only).</summary>
internal sealed record Download(string Url, string? SizeText);

internal sealed class HomePage : PageModel
{
    public required int ReportCount { get; init; }
    public required int YearCount { get; init; }
    public required int RegionCount { get; init; }
    public required int PublisherCount { get; init; }
    public required IReadOnlyList<ReportSummary> Recent { get; init; }
    public required IReadOnlyList<GroupEntry> Browse { get; init; }
    public required string AllUrl { get; init; }
    public string DataUrl => ArchiveData.PagePath;
    /// <summary>The zip with its size on the hosted site; none in the offline copy, which is itself the download.</summary>
    public Download? Download { get; init; }
    public bool Offline { get; init; }
}

internal sealed class ReportPage : PageModel
{
    public required string Heading { get; init; }
    public MetaValue? Publisher { get; init; }
    public MetaValue? Region { get; init; }
    public MetaValue? Year { get; init; }
    public required MetaValue DocType { get; init; }
    public MetaValue? Level { get; init; }
    public MetaValue? DateWritten { get; init; }
    public MetaValue? DatePublished { get; init; }
    public MetaValue? DocNumber { get; init; }
    public MetaValue? IndexNumber { get; init; }
    public MetaValue? Source { get; init; }

    /// <summary>The body, rendered only when the page is: a page an earlier build already made needs none of it.</summary>
    [JsonIgnore] public Lazy<RenderedBody> Rendered { get; init; } = null!;
    /// <summary>Stands for the body (and all that is derived from it) in the page's fingerprint.</summary>
    public required string BodyKey { get; init; }
    [JsonIgnore] public IReadOnlyList<TocEntry> Toc => Rendered.Value.Toc;
    [JsonIgnore] public TrustedHtml Body => new(Rendered.Value.Html);
    [JsonIgnore] public override string Description => Abstract ?? Rendered.Value.Excerpt(120);
    public string? Abstract { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary>True when the importer proposed <see cref="Keywords"/> and no editor has checked them (<c>keywords_source: auto</c>).</summary>
    public bool KeywordsProposed { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public required string SourceUrl { get; init; }
    public ReportSummary? Previous { get; init; }
    public ReportSummary? Next { get; init; }
    public string? RegionName { get; init; }
    public required IReadOnlyList<Link> Breadcrumbs { get; init; }
    public required AnalysisPanel Analysis { get; init; }
    /// <summary>The comparison with the region's report of an earlier year (与上一年对比), if there is one.</summary>
    public string? CompareUrl { get; init; }
    public required Citation Citation { get; init; }
}

/// <summary>The report page's research panel: whether it came in time, which required sections it holds, what it shares.</summary>
/// <param name="Timeliness">按时发布 / 逾期 N 天 / 发布日期不详, with the deadline; null for a type the rules do not cover.</param>
/// <param name="TimelinessClass">on-time, late or unknown: for styling only, the text says it.</param>
/// <param name="Sections">Each required section, found (with a link to its heading) or not; null for a type the rules do not cover.</param>
internal sealed record AnalysisPanel(string? Timeliness, string? TimelinessClass, IReadOnlyList<SectionCheck>? Sections, IReadOnlyList<SharedView> Shared)
{
    public bool IsEmpty => Timeliness is null && Sections is null && Shared.Count == 0;
}

internal sealed record SectionCheck(string Name, bool Found, string? Heading, string? Url);

/// <param name="More">How many other reports hold the paragraph beyond those linked.</param>
internal sealed record SharedView(string Excerpt, IReadOnlyList<Link> Reports, int More);

internal sealed class ListingPageView : PageModel
{
    public required string Heading { get; init; }
    public required int Count { get; init; }
    public required IReadOnlyList<ReportSummary> Reports { get; init; }
    public required IReadOnlyList<GroupEntry> Children { get; init; }
    public required Pagination Pagination { get; init; }
    public required IReadOnlyList<Link> Breadcrumbs { get; init; }
}

internal sealed class GroupsPage : PageModel
{
    public required string Heading { get; init; }
    public required string Intro { get; init; }
    public required IReadOnlyList<GroupEntry> Groups { get; init; }
    /// <summary>Many groups: the page offers a filter box and folds each group's children.</summary>
    public bool Large => Groups.Count + Groups.Sum(g => g.Children.Count) > 30;
}

/// <summary>
/// The page a host shows for any missing address, at whatever depth: its links start from the site's
/// path on the host (from <c>base_url</c>), since relative ones would resolve against the missing address.
/// The offline copy's links are relative (<c>HostRoot</c> empty): it is read from disk at the root.
/// </summary>
internal sealed class NotFoundPage : PageModel
{
    public required string HostRoot { get; init; }
    public override string Root => HostRoot;
}

internal sealed class SearchPage : PageModel;

/// <summary>data/index.html: the data files, their columns (the data dictionary) and the note on reuse.</summary>
internal sealed class DataPage : PageModel
{
    public required int ReportCount { get; init; }
    public required DataFile Csv { get; init; }
    public required DataFile JsonLines { get; init; }
    public required IReadOnlyList<DataColumn> Columns { get; init; }
}

internal sealed record DataFile(string Url, string SizeText);

/// <param name="JsonOnly">Only in the JSON Lines file.</param>
internal sealed record DataColumn(string Name, string Meaning, bool JsonOnly);

/// <summary>
/// download.html: on the host, the zip and its size; inside the zip, which build this offline copy is
/// (the copy cannot link to a zip it does not contain).
/// </summary>
internal sealed class DownloadPage : PageModel
{
    public required int ReportCount { get; init; }
    public Download? Download { get; init; }
    public bool Offline { get; init; }
    public required string HostedUrl { get; init; }
}
