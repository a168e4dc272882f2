using System.Globalization;
using SiteGen.Configuration;
using SiteGen.Content;
using SiteGen.Rendering;

namespace SiteGen.Site;

/// <summary>A page to write: which template renders it, and what the template sees.</summary>
public sealed record PlannedPage(string Kind, PageModel Model);

/// <summary>Decides every HTML page of the site and builds the model each template receives.</summary>
public sealed class PagePlanner
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

    public PagePlanner(SiteConfig config, Archive archive, string? downloadPath, string? searchIndex)
    {
        _config = config;
        _archive = archive;
        _browse = BrowseKinds.Where(b => config.Lists(b.Kind)).ToArray();
        var nav = new List<NavItem> { new("首页", SitePaths.Home, "home"), new("全部报告", SitePaths.ListingPage(Archive.AllFolder, 1), "all") };
        nav.AddRange(_browse.Select(b => new NavItem(b.Name, $"{b.Folder}/index.html", b.Folder)));
        nav.Add(new NavItem("搜索", SitePaths.Search, "search"));
        _site = new SiteInfo(config.Title, config.Description, config.Language, SitePaths.Stylesheet, nav, downloadPath,
            SitePaths.Search, searchIndex);
    }

    /// <summary>Every page but the reports' own (see <see cref="PlanReport"/>): these need no report body.</summary>
    public IEnumerable<PlannedPage> Plan()
    {
        yield return Home();
        yield return NotFound();
        yield return new PlannedPage("search", new SearchPage { Site = _site, Path = SitePaths.Search, Title = "搜索", Section = "search" });
        foreach (var page in ListingPages(_archive.All, "all", [])) yield return page;
        foreach (var browse in _browse)
        {
            var listings = browse.Listings(_archive);
            yield return GroupsIndex(browse, listings);
            var trail = new List<Link> { new(browse.Name, $"{browse.Folder}/index.html") };
            foreach (var page in listings.SelectMany(l => Walk(l, browse.Folder, trail))) yield return page;
        }
    }

    private IEnumerable<PlannedPage> Walk(Listing listing, string section, IReadOnlyList<Link> trail)
    {
        foreach (var page in ListingPages(listing, section, trail)) yield return page;
        var deeper = trail.Append(new Link(listing.Name, listing.Url)).ToList();
        foreach (var child in listing.Children)
            foreach (var page in Walk(child, section, deeper)) yield return page;
    }

    private PlannedPage Home() => new("home", new HomePage
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
        Browse = _browse.Select(b => new GroupEntry(b.Name, $"{b.Folder}/index.html", b.Listings(_archive).Count, [])).ToList(),
        AllUrl = _archive.All.Url,
        Download = _site.Download is { } url ? new Download(url, "ZIP") : null,
    });

    private PlannedPage NotFound() => new("404", new NotFoundPage
    {
        Site = _site, Path = SitePaths.NotFound, Title = "页面不存在",
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

    /// <summary>A report's page; its body is rendered only if the page is.</summary>
    public PlannedPage PlanReport(Report report, Lazy<RenderedBody> body)
    {
        var (previous, next) = _archive.Neighbours(report);
        var region = _archive.RegionOfReport.GetValueOrDefault(report.Slug);
        return new PlannedPage("report", new ReportPage
        {
            Site = _site,
            Path = SitePaths.ReportPage(report.Slug),
            Title = report.Title,
            Section = "report",
            Heading = report.Title,
            Meta = MetaRows(report, region),
            Rendered = body,
            BodyKey = RenderedBodies.KeyOf(report),
            Abstract = report.Abstract,
            Keywords = report.Keywords,
            Warnings = report.Warnings,
            SourceUrl = SitePaths.ReportSource(report.Slug),
            Previous = previous is null ? null : Summary(previous),
            Next = next is null ? null : Summary(next),
            RegionName = region?.Name,
            Breadcrumbs = [new Link("全部报告", _archive.All.Url)],
        });
    }

    private List<MetaRow> MetaRows(Report report, Listing? region)
    {
        var rows = new List<MetaRow>();
        void Add(string label, string? text, string? url = null, string? iso = null)
        {
            if (!string.IsNullOrEmpty(text)) rows.Add(new MetaRow(label, text, url, iso));
        }
        Add("发布机构", report.Publisher, report.Publisher is { } p ? LinkIf("publisher", Archive.PublisherFolder(p)) : null);
        Add("地区", report.Region.IsKnown ? report.Region.Display : null, region is null ? null : LinkIf("region", region.Folder));
        Add("年度", report.Year is { } y ? $"{y}年" : null, LinkIf("year", Archive.YearFolder(report.Year)));
        Add("类型", report.DocType, LinkIf("doc_type", Archive.TypeFolder(report.DocType)));
        Add("层级", report.Level);
        Add("成文日期", ChineseDate(report.DateWritten), iso: IsoDate(report.DateWritten));
        Add("发布日期", ChineseDate(report.DatePublished), iso: IsoDate(report.DatePublished));
        Add("文号", report.DocNumber);
        Add("索引号", report.IndexNumber);
        Add("来源", report.Source.Site ?? report.Source.Url, report.Source.Url);
        return rows;
    }

    private string? LinkIf(string kind, string folder) =>
        _config.Lists(kind) ? SitePaths.ListingPage(folder, 1) : null;

    /// <summary>Pages linked from each side of the current one; further pages are reached through the first and the last.</summary>
    private const int PaginationWindow = 2;

    /// <summary>
    /// Links to the first and last pages and to those near the current one, with a gap (null URL) where
    /// numbers are skipped. Linking every page made each of the 5,000 pages of a 100,000-report listing
    /// carry 5,000 links: quadratic in pages written and in memory.
    /// </summary>
    private static Pagination Paginate(ListingPage page)
    {
        string Url(int n) => SitePaths.ListingPage(page.Listing.Folder, n);
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
        SitePaths.ReportPage(report.Slug),
        IsoDate(report.Date),
        ChineseDate(report.Date),
        report.Year is { } y ? $"{y}年" : null,
        report.DocType,
        report.Publisher,
        report.Region.IsKnown ? report.Region.Display : null,
        report.Warnings.Count > 0);

    internal static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? ChineseDate(DateOnly? date) =>
        date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : null;

    internal static string Excerpt(string text, int length)
    {
        var flat = string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
