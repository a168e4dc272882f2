using System.Text.RegularExpressions;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Yaml;

namespace SiteGen.Configuration;

/// <summary>The settings in <c>site.yml</c>.</summary>
internal sealed partial record SiteConfig
{
    public const string FileName = "site.yml";

    public static readonly IReadOnlyList<string> ListingKinds = ["year", "region", "doc_type", "publisher"];

    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string Language { get; init; } = "zh-CN";
    /// <summary>Absolute URL of the hosted site, always ending in '/'; used only where URLs must be absolute (feed, sitemap).</summary>
    public required string BaseUrl { get; init; }
    public int PageSize { get; init; } = 20;
    public int HomeRecent { get; init; } = 10;
    public int FeedSize { get; init; } = 50;
    public IReadOnlyList<string> Listings { get; init; } = ListingKinds;
    public bool OfflineZip { get; init; } = true;
    public string ZipName { get; init; } = "site";

    public bool Lists(string kind) => Listings.Contains(kind);

    /// <summary>Where site.yml sets base_url, for a warning that names it.</summary>
    public (int Line, int Column) BaseUrlPosition { get; init; } = (1, 1);

    /// <summary>
    /// A warning when base_url is still the example address the repository ships with: feed.xml, sitemap.xml and
    /// robots.txt would send readers and search engines there. Not an error: a preview or a test site needs no host.
    /// </summary>
    public Diagnostic? ExampleAddressWarning() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Host is "example.org" or "example.com" or "www.example.org" or "www.example.com"
            ? new Diagnostic(FileName, BaseUrlPosition.Line, BaseUrlPosition.Column,
                $"warning: base_url is still the example address {BaseUrl}: feed.xml, sitemap.xml and robots.txt will point there; set it to where the site is hosted")
            : null;

    public static SiteConfig Load(string sourceRoot, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(sourceRoot, FileName);
        if (!File.Exists(path))
        {
            diagnostics.Add(new Diagnostic(FileName, 1, 1, "site.yml is missing; it sets at least 'title:' and 'base_url:'"));
            return Fallback;
        }
        var text = TextFile.DecodeUtf8(File.ReadAllBytes(path));
        if (text is null)
        {
            diagnostics.Add(new Diagnostic(FileName, 1, 1, "site.yml is not UTF-8 text"));
            return Fallback;
        }
        var map = YamlMap.Parse(TextFile.Normalize(text), FileName, 0, diagnostics);
        return map is null ? Fallback : Read(map);
    }

    private static readonly SiteConfig Fallback = new() { Title = "", BaseUrl = "/" };

    private static readonly string[] Fields =
        ["title", "description", "language", "base_url", "page_size", "home_recent", "feed_size", "listings", "offline_zip"];

    private static SiteConfig Read(YamlMap map)
    {
        map.RejectUnknownKeys(Fields);
        var listings = map.TextList("listings");
        foreach (var unknown in listings.Where(l => !ListingKinds.Contains(l)))
            map.Error("listings", $"unknown listing '{unknown}'; listings are: {string.Join(", ", ListingKinds)}");

        var zip = map.Map("offline_zip");
        zip?.RejectUnknownKeys(["enabled", "name"]);
        var baseUrl = map.Matching("base_url", AbsoluteUrl(), "base_url is the hosted site's absolute address, e.g. https://example.org/reports/");
        var zipName = zip?.Matching("name", ZipNamePattern(), "a zip name is ASCII letters, digits, '-' or '_'");
        if (zipName is not null && FrontMatterSchema.IsReservedName(zipName))
        {
            // The zip's top folder: Windows cannot unpack a folder named CON or LPT1.
            zip!.Error("name", $"field 'offline_zip.name' is '{zipName}', a name Windows reserves; choose another");
            zipName = null;
        }

        return new SiteConfig
        {
            Title = map.Text("title", required: true) ?? "",
            Description = map.Text("description") ?? "",
            Language = map.Text("language") ?? "zh-CN",
            BaseUrl = baseUrl is null ? "/" : baseUrl.TrimEnd('/') + "/",
            BaseUrlPosition = map.PositionOf("base_url"),
            PageSize = map.Integer("page_size", 1, 1000) ?? 20,
            HomeRecent = map.Integer("home_recent", 0, 100) ?? 10,
            FeedSize = map.Integer("feed_size", 1, 10000) ?? 50,
            Listings = map.Has("listings") ? listings.Where(ListingKinds.Contains).Distinct().ToList() : ListingKinds,
            OfflineZip = zip?.Boolean("enabled") ?? true,
            ZipName = zipName ?? "site",
        };
    }

    [GeneratedRegex(@"^https?://[^\s/]+(/[^\s]*)?$")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex ZipNamePattern();
}
