using SiteGen.Content;

namespace SiteGen.Site;

/// <summary>A named group of reports (a year, a region, a type, a publisher), newest first, with its sub-groups.</summary>
internal sealed record Listing(string Name, string Folder, IReadOnlyList<Report> Reports, IReadOnlyList<Listing> Children)
{
    public string Url => SitePaths.ListingPath(Folder, 1);
}

/// <summary>One page of a listing.</summary>
internal sealed record ListingPage(Listing Listing, int Number, int Count, IReadOnlyList<Report> Reports)
{
    public string Path => SitePaths.ListingPath(Listing.Folder, Number);

    public static IEnumerable<ListingPage> Split(Listing listing, int pageSize)
    {
        var count = Math.Max(1, (listing.Reports.Count + pageSize - 1) / pageSize);
        for (var number = 1; number <= count; number++)
            yield return new ListingPage(listing, number, count,
                listing.Reports.Skip((number - 1) * pageSize).Take(pageSize).ToList());
    }
}
