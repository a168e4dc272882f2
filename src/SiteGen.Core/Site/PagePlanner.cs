using System.Globalization;
using SiteGen.Configuration;
using SiteGen.Content;
using SiteGen.Rendering;
using SiteGen.Research;

namespace SiteGen.Site;

/// <summary>A page to write: which template renders it, and what the template sees.</summary>
internal sealed record PlannedPage(string Kind, PageModel Model);

/// <summary>Decides every HTML page of the site and builds the model each template receives.</summary>
internal sealed class PagePlanner
{
    private sealed record Browse(string Kind, string Name, string Folder, string Intro, Func<Archive, IReadOnlyList<Listing>> Listings);

    private static readonly Browse[] BrowseKinds =
    [
        new("year", "按年度", Archive.YearsFolder, "按报告所涉年度浏览。", a => a.Years),
        new("region", "按地区", Archive.RegionsFolder, "按省、市、县三级行政区划浏览。", a => a.Provinces),
        new("doc_type", "按类型", Archive.TypesFolder, "按文件类型浏览。", a => a.Types),
        new("publisher", "按发布机构", Archive.PublishersFolder, "按发布机构浏览，按报告数量排列。", a => a.Publishers),
    ];

    private readonly SiteConfig _config;
    private readonly Archive _archive;
    private readonly SiteInfo _site;
    private readonly Browse[] _browse;
    private readonly string _hostPath;
    private readonly Findings _findings;
    private readonly Dictionary<string, Report> _bySlug;

    /// <param name="offlineZip">Whether the site offers an offline zip: pages then link to download.html, which says more.</param>
    /// <param name="hostPath">The site's path on its host (404.html's links start there); null: base_url's path.</param>
    public PagePlanner(SiteConfig config, Archive archive, Findings findings, bool offlineZip, string? searchIndex, string? hostPath = null)
    {
        _findings = findings;
        _bySlug = archive.Newest.ToDictionary(r => r.Slug, StringComparer.Ordinal);
        _hostPath = hostPath ?? (new Uri(config.BaseUrl, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "/");
        _config = config;
        _archive = archive;
        _browse = BrowseKinds.Where(b => config.Lists(b.Kind)).ToArray();
        var nav = new List<NavItem> { new("首页", SitePaths.Home, "home"), new("全部报告", SitePaths.ListingPath(Archive.AllFolder, 1), "all") };
        nav.AddRange(_browse.Select(b => new NavItem(b.Name, $"{b.Folder}/index.html", b.Folder)));
        nav.Add(new NavItem("搜索", SitePaths.Search, "search"));
        var newest = archive.Newest.Select(r => r.Date).Max();
        _site = new SiteInfo(config.Title, config.Description, config.Language, SitePaths.Stylesheet, nav,
            offlineZip ? SitePaths.Download : null, SitePaths.Search, searchIndex, Shown(newest));
    }

    /// <summary>
    /// Every page but the reports' own (see <see cref="PlanReport"/>) and the front pages that speak of the
    /// offline zip (see <see cref="PlanFront"/>): these need no report body.
    /// </summary>
    public IEnumerable<PlannedPage> Plan()
    {
        yield return NotFound(_hostPath);
        yield return new PlannedPage("search", new SearchPage { Site = _site, Path = SitePaths.Search, Title = "搜索", Section = "search" });
        foreach (var page in ListingPages(_archive.All, "all", [])) yield return page;
        foreach (var browse in _browse)
        {
            var listings = browse.Listings(_archive);
            yield return GroupsIndex(browse, listings);
            var trail = new List<Link> { new(browse.Name, $"{browse.Folder}/index.html") };
            foreach (var page in listings.SelectMany(l => Walk(l, browse.Folder, trail))) yield return page;
        }
        foreach (var page in Research.Plan()) yield return page;
    }

    /// <summary>The research pages' planner, over the same archive and findings.</summary>
    public ResearchPlanner Research => _research ??= new ResearchPlanner(_site, _archive, _findings);
    private ResearchPlanner? _research;

    private IEnumerable<PlannedPage> Walk(Listing listing, string section, IReadOnlyList<Link> trail)
    {
        foreach (var page in ListingPages(listing, section, trail)) yield return page;
        var deeper = trail.Append(new Link(listing.Name, listing.Url)).ToList();
        foreach (var child in listing.Children)
            foreach (var page in Walk(child, section, deeper)) yield return page;
    }

    /// <summary>The home page and, when the site has a zip, download.html with the zip's size: made after the zip.</summary>
    public IEnumerable<PlannedPage> PlanFront(Download? download) => FrontPages(download, offline: false);

    /// <summary>
    /// The pages whose copy in the zip differs from the site's: home and download.html say which build the copy
    /// is (it cannot link to a zip it does not contain), and 404.html links relatively, as a page read from disk must.
    /// </summary>
    public IEnumerable<PlannedPage> PlanOfflineCopies() =>
        FrontPages(null, offline: true).Append(NotFound(SitePaths.RootFrom(SitePaths.NotFound)));

    private IEnumerable<PlannedPage> FrontPages(Download? download, bool offline)
    {
        yield return Home(download, offline);
        if (_site.Download is null) yield break;
        yield return new PlannedPage("download", new DownloadPage
        {
            Site = _site, Path = SitePaths.Download, Title = offline ? "离线版" : "下载离线版", Section = "download",
            ReportCount = _archive.Newest.Count, Download = download, Offline = offline, HostedUrl = _config.BaseUrl,
        });
    }

    private PlannedPage Home(Download? download, bool offline) => new("home", new HomePage
    {
        Site = _site,
        Path = SitePaths.Home,
        Title = _config.Title,
        Section = "home",
        Description = _config.Description,
        ReportCount = _archive.Newest.Count,
        YearCount = _archive.Years.Count(y => y.Folder != Archive.YearFolder(null)),
        RegionCount = _archive.RegionOfReport.Values.Distinct().Count(),
        PublisherCount = _archive.Publishers.Count,
        Recent = _archive.Newest.Take(_config.HomeRecent).Select(Summary).ToList(),
        Browse = _browse.Select(b => new GroupEntry(b.Name, $"{b.Folder}/index.html", BrowseCount(b), [])).ToList(),
        AllUrl = _archive.All.Url,
        Download = download,
        Offline = offline,
    });

    /// <summary>What a browse entry counts, as the home page's figures count it: regions are every region reports name, not provinces.</summary>
    private int BrowseCount(Browse browse) => browse.Kind switch
    {
        "region" => _archive.RegionOfReport.Values.Distinct().Count(),
        "year" => _archive.Years.Count(y => y.Folder != Archive.YearFolder(null)),
        _ => browse.Listings(_archive).Count,
    };

    /// <param name="root">The site's path on the host, for the hosted page; "" for the copy read from disk.</param>
    private PlannedPage NotFound(string root) => new("404", new NotFoundPage
    {
        Site = _site, Path = SitePaths.NotFound, Title = "页面不存在", HostRoot = root,
    });

    private PlannedPage GroupsIndex(Browse browse, IReadOnlyList<Listing> listings) => new("groups", new GroupsPage
    {
        Site = _site,
        Path = $"{browse.Folder}/index.html",
        Title = browse.Name,
        Section = browse.Folder,
        Heading = browse.Name,
        Intro = browse.Intro,
        Groups = listings.Select(Group).ToList(),
    });

    private IEnumerable<PlannedPage> ListingPages(Listing listing, string section, IReadOnlyList<Link> trail)
    {
        foreach (var page in ListingPage.Split(listing, _config.PageSize))
        {
            var title = page.Number == 1 ? listing.Name : $"{listing.Name}（第{page.Number}页）";
            yield return new PlannedPage("listing", new ListingPageView
            {
                Site = _site,
                Path = page.Path,
                Title = title,
                Section = section,
                Heading = listing.Name,
                Count = listing.Reports.Count,
                Reports = page.Reports.Select(Summary).ToList(),
                Children = page.Number == 1 ? listing.Children.Select(Group).ToList() : [],
                Pagination = Paginate(page),
                Breadcrumbs = trail,
            });
        }
    }

    /// <summary>data/index.html, once the data files are written and their sizes known.</summary>
    public PlannedPage PlanData(string csvSize, string jsonLinesSize) => new("data", new DataPage
    {
        Site = _site,
        Path = ArchiveData.PagePath,
        Title = "数据下载",
        Section = "data",
        ReportCount = _archive.Newest.Count,
        Csv = new DataFile(ArchiveData.CsvPath, csvSize),
        JsonLines = new DataFile(ArchiveData.JsonLinesPath, jsonLinesSize),
        Columns = ReportTable.Columns.Select(c => new DataColumn(c.Name, c.Meaning, false))
            .Concat(ReportTable.JsonOnly.Select(c => new DataColumn(c.Name, c.Meaning, true))).ToList(),
    });

    /// <summary>A report's page; its body is rendered only if the page is.</summary>
    public PlannedPage PlanReport(Report report, Lazy<RenderedBody> body)
    {
        var (previous, next) = _archive.Neighbours(report);
        var region = _archive.RegionOfReport.GetValueOrDefault(report.Slug);
        return new PlannedPage("report", new ReportPage
        {
            Site = _site,
            Path = SitePaths.ReportPath(report.Slug),
            Title = report.Title,
            Section = "report",
            Heading = report.Title,
            Publisher = Meta(report.Publisher, report.Publisher is { } p ? LinkIf("publisher", Archive.PublisherFolder(p)) : null),
            Region = Meta(report.Region.IsKnown ? report.Region.Display : null, region is null ? null : LinkIf("region", region.Folder)),
            Year = Meta(report.Year is { } y ? $"{y}年" : null, LinkIf("year", Archive.YearFolder(report.Year))),
            DocType = new MetaValue(report.DocType, LinkIf("doc_type", Archive.TypeFolder(report.DocType))),
            Level = Meta(report.Level),
            DateWritten = Meta(report.DateWritten),
            DatePublished = Meta(report.DatePublished),
            DocNumber = Meta(report.DocNumber),
            IndexNumber = Meta(report.IndexNumber),
            Source = Meta(report.Source.Site ?? report.Source.Url, report.Source.Url),
            Rendered = body,
            BodyKey = RenderedBodies.KeyOf(report),
            Abstract = report.Abstract,
            Keywords = report.Keywords,
            KeywordsProposed = report.KeywordsProposed,
            Warnings = report.Warnings,
            SourceUrl = SitePaths.ReportSourcePath(report.Slug),
            Previous = previous is null ? null : Summary(previous),
            Next = next is null ? null : Summary(next),
            RegionName = region?.Name,
            Breadcrumbs = [new Link("全部报告", _archive.All.Url)],
            Analysis = Panel(_findings.For(report)),
            CompareUrl = Research.ComparisonOf(report),
            Citation = ArchiveData.CitationOf(_config, report),
        });
    }

    private AnalysisPanel Panel(ReportAnalysis analysis)
    {
        var (text, style) = analysis.Timeliness is { } timeliness ? TimelinessText.Of(timeliness) : ((string?)null, (string?)null);
        var sections = analysis.Sections is null ? null : RequiredSections.All.Select(s =>
            analysis.Sections.FirstOrDefault(f => f.Code == s.Code) is { } found
                ? new SectionCheck(s.Name, true, found.Heading, "#" + found.Id)
                : new SectionCheck(s.Name, false, null, null)).ToList();
        var shared = analysis.Shared.Select(p => new SharedView(p.Excerpt,
            p.Others.Select(slug => new Link(_bySlug[slug].Title, SitePaths.ReportPath(slug))).ToList(), p.OtherCount - p.Others.Count)).ToList();
        return new AnalysisPanel(text, style, sections, shared);
    }

    private static MetaValue? Meta(string? text, string? url = null) => string.IsNullOrEmpty(text) ? null : new MetaValue(text, url);

    private static MetaValue? Meta(DateOnly? date) => Shown(date) is { } shown ? new MetaValue(shown.Text, Date: shown) : null;

    private string? LinkIf(string kind, string folder) =>
        _config.Lists(kind) ? SitePaths.ListingPath(folder, 1) : null;

    /// <summary>Pages linked from each side of the current one; further pages are reached through the first and the last.</summary>
    private const int PaginationWindow = 2;

    /// <summary>
    /// Links to the first and last pages and to those near the current one, with a gap (null URL) where
    /// numbers are skipped. Linking every page made each of the 5,000 pages of a 100,000-report listing
    /// carry 5,000 links: quadratic in pages written and in memory.
    /// </summary>
    private static Pagination Paginate(ListingPage page)
    {
        string Url(int n) => SitePaths.ListingPath(page.Listing.Folder, n);
        var shown = new SortedSet<int> { 1, page.Count };
        for (var n = Math.Max(1, page.Number - PaginationWindow); n <= Math.Min(page.Count, page.Number + PaginationWindow); n++) shown.Add(n);
        var links = new List<PageLink>();
        var previous = 0;
        foreach (var n in shown)
        {
            if (n > previous + 1) links.Add(new PageLink(0, null, false));
            links.Add(new PageLink(n, Url(n), n == page.Number));
            previous = n;
        }
        return new Pagination(page.Number, page.Count,
            page.Number > 1 ? Url(page.Number - 1) : null,
            page.Number < page.Count ? Url(page.Number + 1) : null,
            links);
    }

    private static GroupEntry Group(Listing listing) =>
        new(listing.Name, listing.Url, listing.Reports.Count, listing.Children.Select(Group).ToList());

    internal static ReportSummary Summary(Report report) => new(
        report.Title,
        SitePaths.ReportPath(report.Slug),
        IsoDate(report.Date),
        ChineseDate(report.Date),
        report.Year is { } y ? $"{y}年" : null,
        report.DocType,
        report.Publisher,
        report.Region.IsKnown ? report.Region.Display : null,
        report.Warnings.Count > 0);

    internal static ShownDate? Shown(DateOnly? date) => date is { } d ? new ShownDate(IsoDate(d)!, ChineseDate(d)!) : null;

    internal static string? IsoDate(DateOnly? date) => FrontMatterWriter.Iso(date);

    internal static string? ChineseDate(DateOnly? date) =>
        date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : null;
}
