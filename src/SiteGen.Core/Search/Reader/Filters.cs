using SiteGen.Search.Format;

namespace SiteGen.Search.Reader;

/// <summary>
/// A query's filters (year:, type:, province, region:, publisher:): which documents pass, and, for segments
/// not read, what share of their documents would, from the counts of years, provinces and types the manifest
/// keeps per segment. Region and publisher have no such counts: a query with one reads every segment that may match.
/// </summary>
internal sealed class Filters(SearchIndexReader index, IReadOnlyDictionary<string, string> wanted)
{
    /// <summary>The filters whose shares are estimated, in the order both readers multiply them.</summary>
    public static readonly string[] Counted = ["year", "type", "province"];

    public static Filters None(SearchIndexReader index) => new(index, new Dictionary<string, string>());

    /// <summary>Whether a segment's unread documents can be estimated under these filters.</summary>
    public bool Estimable => !wanted.ContainsKey("region") && !wanted.ContainsKey("publisher");

    public bool Passes(int doc, string? skip = null)
    {
        var d = index.Row(doc);
        foreach (var (key, want) in wanted)
        {
            if (key == skip) continue;
            var ok = key switch
            {
                "year" => d.Year?.ToString() == want,
                "type" => d.Type == want,
                "province" => d.Province == want,
                "region" => (index.FilterValue("region", doc) ?? "").Split(' ').Any(r => r == want || r.StartsWith(want, StringComparison.Ordinal)),
                "publisher" => (index.FilterValue("publisher", doc) ?? "").Contains(want, StringComparison.Ordinal),
                _ => true,
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>The share of a segment's documents that pass every counted filter but <paramref name="skip"/>: the product of each one's share.</summary>
    public double Share(int segment, string? skip = null)
    {
        var share = 1.0;
        foreach (var key in Counted)
            if (key != skip && wanted.TryGetValue(key, out var want)) share *= Share(segment, key, want);
        return share;
    }

    /// <summary>The share of a segment's documents with this value in the column.</summary>
    public double Share(int segment, string column, string value)
    {
        var info = index.Segments[segment];
        var counts = info.ValueCounts[column];
        for (var i = 0; i < counts.Length; i += 2)
            if (index.Value(column, counts[i]) == value) return (double)counts[i + 1] / info.Count;
        return 0;
    }
}
