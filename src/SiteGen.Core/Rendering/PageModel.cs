namespace SiteGen.Rendering;

/// <summary>What every template sees. Links in models are relative to the site root; templates prefix {{Root}}.</summary>
public abstract class PageModel
{
    public required SiteInfo Site { get; init; }
    /// <summary>The page's path from the site root, e.g. reports/x.html.</summary>
    public required string Path { get; init; }
    public required string Title { get; init; }
    /// <summary>Which part of the navigation this page belongs to (home, all, years, regions, types, publishers).</summary>
    public string Section { get; init; } = "";
    public virtual string Description { get; init; } = "";
    /// <summary>The page's own template output, which the layout places.</summary>
    public string Content { get; set; } = "";

    /// <summary>"../" as many times as the page is deep: prefixed to links so they work from disk and under any path.</summary>
    public string Root => Site.RootFrom(Path);
}

/// <summary>Site-wide facts for the layout: title, language, navigation, the offline download.</summary>
public sealed record SiteInfo(
    string Title,
    string Description,
    string Language,
    string Stylesheet,
    IReadOnlyList<NavItem> Navigation,
    string? Download,
    string SearchPage,
    string? SearchIndex)
{
    public string RootFrom(string path) => Site.SitePaths.RootFrom(path);
}

public sealed record NavItem(string Name, string Url, string Section);
