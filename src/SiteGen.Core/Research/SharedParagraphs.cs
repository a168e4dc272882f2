namespace SiteGen.Research;

/// <summary>A paragraph of a report that another report also holds, verbatim or nearly.</summary>
/// <param name="Others">The other reports that hold it (slugs), at most <see cref="SharedParagraphs.MaxLinks"/>, in slug order.</param>
/// <param name="OtherCount">How many other reports hold it in all.</param>
internal sealed record SharedParagraph(string Excerpt, IReadOnlyList<string> Others, int OtherCount);

/// <summary>
/// Finds the paragraphs reports share, in time linear in the archive: locality-sensitive hashing puts each paragraph's
/// signature, cut into <see cref="ParagraphBuckets.Bands"/> bands, into buckets; paragraphs meeting in a bucket whose
/// signatures agree on at least <see cref="Threshold"/> are the same text, and sameness is carried through (a copied
/// paragraph copied again is one group). Each bucket compares its other paragraphs with its first only, so a stock
/// paragraph in a thousand reports costs a thousand comparisons, not half a million. With a cache, the buckets of
/// unchanged reports are the last build's: only the edited and added reports' paragraphs are hashed, and only the
/// buckets they leave or join are compared again (<see cref="ParagraphBuckets"/>).
/// </summary>
internal static class SharedParagraphs
{
    public const int MaxLinks = 5;
    /// <summary>Estimated Jaccard similarity of the shingle sets at which two paragraphs count as one.</summary>
    public const double Threshold = 0.7;

    /// <param name="reports">Each report's slug and paragraph prints; the result is the same in whatever order they come.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> Find(IEnumerable<(string Slug, ParagraphPrints Paragraphs)> reports) =>
        Find(reports.Select(r => (r.Slug, "", r.Paragraphs)), cache: null);

    /// <param name="reports">Each report's slug, the key of its analysis (which version of the report the prints are of) and its paragraph prints.</param>
    /// <param name="cache">Where the buckets are kept: patched in memory for the reports whose key changed since they were made, or made again and kept there.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> Find(
        IEnumerable<(string Slug, string Key, ParagraphPrints Paragraphs)> reports, ParagraphBucketCache? cache)
    {
        var ordered = reports.OrderBy(r => r.Slug, StringComparer.Ordinal).ToList();
        var all = new ParagraphBuckets.AllParagraphs(ordered.Select(r => r.Paragraphs).ToList());
        var owner = all.Owners;

        var listing = new ParagraphBucketCache.Listing(ordered.Select(r => new ParagraphBucketCache.Listed(r.Slug, r.Key, r.Paragraphs.Count)).ToList());
        var earlier = cache?.ReadListing();
        var matches = (earlier is null ? null : Patched(all, listing, earlier, cache!)) ?? Made(all, listing, cache);

        // A group's root is its smallest member, so neither the order of the bands nor that of their matches matters.
        var groups = new UnionFind(all.Count);
        foreach (var (firsts, others) in matches)
            for (var i = 0; i < firsts.Length; i++) groups.Union(firsts[i], others[i]);

        // The reports holding each group of two or more paragraphs (most paragraphs are alone), in report order.
        var root = new int[all.Count];
        var size = new int[all.Count];
        for (var p = 0; p < all.Count; p++) size[root[p] = groups.Find(p)]++;
        var holding = new Dictionary<int, List<int>>();
        for (var p = 0; p < all.Count; p++)
        {
            if (size[root[p]] < 2) continue;
            if (!holding.TryGetValue(root[p], out var owners)) holding[root[p]] = owners = [];
            if (owners.Count == 0 || owners[^1] != owner[p]) owners.Add(owner[p]); // paragraphs come in report order
        }

        var shared = new Dictionary<string, IReadOnlyList<SharedParagraph>>(StringComparer.Ordinal);
        for (var p = 0; p < all.Count; p++)
        {
            if (!holding.TryGetValue(root[p], out var holders) || holders.Count < 2) continue;
            // The paragraph's own report is one of the holders: the others are all but it (a stock paragraph has
            // thousands, so they are counted, not listed).
            var others = holders.Where(r => r != owner[p]).Take(MaxLinks).Select(r => ordered[r].Slug).ToArray();
            var slug = ordered[owner[p]].Slug;
            if (!shared.TryGetValue(slug, out var list)) shared[slug] = list = new List<SharedParagraph>();
            ((List<SharedParagraph>)list).Add(new SharedParagraph(all.Excerpt(p), others, holders.Count - 1));
        }
        return shared;
    }

    /// <summary>Every band's matches, its buckets made afresh (each band is independent: made in parallel) and kept in the cache.</summary>
    private static (int[] Firsts, int[] Others)[] Made(ParagraphBuckets.AllParagraphs all, ParagraphBucketCache.Listing listing, ParagraphBucketCache? cache)
    {
        var matches = new (int[] Firsts, int[] Others)[ParagraphBuckets.Bands];
        Parallel.For(0, ParagraphBuckets.Bands, band =>
        {
            var buckets = ParagraphBuckets.Of(band, all);
            cache?.WriteBand(band, listing, buckets);
            matches[band] = (buckets.Firsts, buckets.Others);
        });
        cache?.WriteListing(listing); // last: a band names the listing it belongs to, so bands without it are never trusted
        return matches;
    }

    /// <summary>
    /// Every band's matches from the buckets the cache holds, patched for the reports edited, added and removed since they
    /// were made; null when they cannot be (a band missing or damaged), or when so much has changed that making them
    /// afresh costs less than patching.
    /// </summary>
    private static (int[] Firsts, int[] Others)[]? Patched(ParagraphBuckets.AllParagraphs all, ParagraphBucketCache.Listing listing,
        ParagraphBucketCache.Listing earlier, ParagraphBucketCache cache)
    {
        var (moved, fresh) = Carry(earlier, listing);
        if (fresh.Count * 4 > all.Count) return null;
        var anyGone = Array.IndexOf(moved, -1) >= 0;
        var matches = new (int[] Firsts, int[] Others)[ParagraphBuckets.Bands];
        var usable = true;
        Parallel.For(0, ParagraphBuckets.Bands, band =>
        {
            using var stored = cache.OpenBand(band, earlier);
            if (stored is null) usable = false;
            else
                try { matches[band] = ParagraphBuckets.Patched(band, all, stored, moved, anyGone, fresh); }
                catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException) { usable = false; }
        });
        return usable ? matches : null;
    }

    /// <summary>
    /// Where each of the earlier buckets' paragraphs is now (-1: its report was edited, renamed or deleted), and the
    /// paragraphs of reports the earlier buckets do not hold. Both listings are in slug order.
    /// </summary>
    private static (int[] Moved, List<int> Fresh) Carry(ParagraphBucketCache.Listing earlier, ParagraphBucketCache.Listing now)
    {
        var moved = new int[earlier.Paragraphs];
        Array.Fill(moved, -1);
        var fresh = new List<int>();
        int i = 0, from = 0, to = 0;
        foreach (var report in now.Reports)
        {
            while (i < earlier.Reports.Count && string.CompareOrdinal(earlier.Reports[i].Slug, report.Slug) < 0) from += earlier.Reports[i++].Paragraphs;
            if (i < earlier.Reports.Count && earlier.Reports[i] == report)
            {
                for (var k = 0; k < report.Paragraphs; k++) moved[from + k] = to + k;
                from += earlier.Reports[i++].Paragraphs;
            }
            else fresh.AddRange(Enumerable.Range(to, report.Paragraphs));
            to += report.Paragraphs;
        }
        return (moved, fresh);
    }

    private sealed class UnionFind(int count)
    {
        private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

        public int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }

        // The smaller index becomes the root, so groups do not depend on the order unions come in.
        public void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
