using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Site;

/// <summary>The whole archive arranged for browsing: every listing the site shows, in display order.</summary>
internal sealed class Archive
{
    public const string AllFolder = "all";
    public const string YearsFolder = "years";
    public const string RegionsFolder = "regions";
    public const string TypesFolder = "types";
    public const string PublishersFolder = "publishers";

    public required IReadOnlyList<Report> Newest { get; init; }
    public required Listing All { get; init; }
    public required IReadOnlyList<Listing> Years { get; init; }
    public required IReadOnlyList<Listing> Provinces { get; init; }
    public required IReadOnlyList<Listing> Types { get; init; }
    public required IReadOnlyList<Listing> Publishers { get; init; }
    public required IReadOnlyDictionary<string, Listing> RegionOfReport { get; init; }

    /// <summary>What no single report shows but would break the archive: one region code given to two places.</summary>
    public static IEnumerable<Diagnostic> Problems(IReadOnlyList<Report> reports) => RegionTree.Conflicts(reports);

    public static Archive Arrange(IReadOnlyList<Report> reports)
    {
        var newest = reports.Order(NewestFirst.Instance).ToList();
        var provinces = RegionTree.Build(newest);
        return new Archive
        {
            Newest = newest,
            All = new Listing("全部报告", AllFolder, newest, []),
            Years = ByYear(newest),
            Provinces = provinces,
            Types = ByType(newest),
            Publishers = ByPublisher(newest),
            RegionOfReport = RegionTree.NarrowestBySlug(provinces),
        };
    }

    public static string YearFolder(int? year) => $"{YearsFolder}/{(year is { } y ? y.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")}";
    public static string TypeFolder(string docType) => $"{TypesFolder}/{Vocabulary.DocTypePath(docType)}";
    public static string PublisherFolder(string publisher) => $"{PublishersFolder}/{SitePaths.StableId("p-", publisher)}";

    /// <summary>The reports before and after this one in its region, in the order of the years they cover.</summary>
    public (Report? Previous, Report? Next) Neighbours(Report report)
    {
        if (!RegionOfReport.TryGetValue(report.Slug, out var region)) return (null, null);
        var ordered = region.Reports
            .Where(r => RegionOfReport[r.Slug] == region)
            .OrderBy(r => r.Year ?? int.MaxValue)
            .ThenBy(r => r.Date ?? DateOnly.MaxValue)
            .ThenBy(r => r.Slug, StringComparer.Ordinal)
            .ToList();
        var at = ordered.IndexOf(report);
        return (at > 0 ? ordered[at - 1] : null, at < ordered.Count - 1 ? ordered[at + 1] : null);
    }

    private static List<Listing> ByYear(IReadOnlyList<Report> newest) =>
        newest.GroupBy(r => r.Year)
            .OrderByDescending(g => g.Key ?? int.MinValue)
            .Select(g => new Listing(g.Key is { } year ? $"{year}年" : "年度不详", YearFolder(g.Key), g.ToList(), []))
            .ToList();

    private static List<Listing> ByType(IReadOnlyList<Report> newest) =>
        Vocabulary.DocTypes
            .Select(t => new Listing(t.Name, TypeFolder(t.Name), newest.Where(r => r.DocType == t.Name).ToList(), []))
            .Where(l => l.Reports.Count > 0)
            .ToList();

    private static List<Listing> ByPublisher(IReadOnlyList<Report> newest) =>
        newest.Where(r => r.Publisher is not null)
            .GroupBy(r => r.Publisher!)
            .Select(g => new Listing(g.Key, PublisherFolder(g.Key), g.ToList(), []))
            .OrderByDescending(l => l.Reports.Count)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
}

/// <summary>Newest first: by date, then by the year covered; slug last so the order is total.</summary>
internal sealed class NewestFirst : IComparer<Report>
{
    public static readonly NewestFirst Instance = new();

    public int Compare(Report? x, Report? y)
    {
        var byDate = Nullable.Compare(y!.Date, x!.Date);
        if (byDate != 0) return byDate;
        var byYear = Nullable.Compare(y.Year, x.Year);
        return byYear != 0 ? byYear : string.CompareOrdinal(x.Slug, y.Slug);
    }
}
