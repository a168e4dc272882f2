namespace SiteGen.Research;

/// <summary>A paragraph of a report that another report also holds, verbatim or nearly.</summary>
/// <param name="Others">The other reports that hold it (slugs), at most <see cref="SharedParagraphs.MaxLinks"/>, in slug order.</param>
/// <param name="OtherCount">How many other reports hold it in all.</param>
internal sealed record SharedParagraph(string Excerpt, IReadOnlyList<string> Others, int OtherCount);

/// <summary>
/// Finds the paragraphs reports share, in time linear in the archive: locality-sensitive hashing puts each paragraph's
/// signature, cut into <see cref="Bands"/> bands, into buckets; paragraphs meeting in a bucket whose signatures agree
/// on at least <see cref="Threshold"/> are the same text, and sameness is carried through (a copied paragraph copied
/// again is one group). Each bucket compares a newcomer with the bucket's first paragraph only, so a stock paragraph in
/// a thousand reports costs a thousand comparisons, not half a million.
/// </summary>
internal static class SharedParagraphs
{
    public const int MaxLinks = 5;
    private const int Bands = 8;
    private const int Rows = ParagraphPrint.Hashes / Bands;
    /// <summary>Estimated Jaccard similarity of the shingle sets at which two paragraphs count as one.</summary>
    public const double Threshold = 0.7;

    /// <param name="reports">Each report's slug and paragraph prints; the result is the same in whatever order they come.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> Find(IEnumerable<(string Slug, IReadOnlyList<ParagraphPrint> Paragraphs)> reports)
    {
        var ordered = reports.OrderBy(r => r.Slug, StringComparer.Ordinal).ToList();
        var owner = new List<int>();
        var prints = new List<ParagraphPrint>();
        for (var r = 0; r < ordered.Count; r++)
            foreach (var paragraph in ordered[r].Paragraphs) { owner.Add(r); prints.Add(paragraph); }

        // Each band's buckets are independent: found in parallel, then joined in one pass (a group's root is its
        // smallest member, so the order unions come in does not matter).
        var matches = new List<(int, int)>[Bands];
        Parallel.For(0, Bands, band =>
        {
            var buckets = new Dictionary<ulong, int>(prints.Count);
            var found = matches[band] = [];
            for (var p = 0; p < prints.Count; p++)
            {
                var key = BandKey(prints[p].Signature, band);
                if (!buckets.TryAdd(key, p) && owner[buckets[key]] != owner[p] && prints[buckets[key]].Similarity(prints[p]) >= Threshold)
                    found.Add((buckets[key], p));
            }
        });
        var groups = new UnionFind(prints.Count);
        foreach (var (a, b) in matches.SelectMany(m => m)) groups.Union(a, b);

        // The reports holding each group of two or more paragraphs (most paragraphs are alone), in report order.
        var root = new int[prints.Count];
        var size = new int[prints.Count];
        for (var p = 0; p < prints.Count; p++) size[root[p] = groups.Find(p)]++;
        var holding = new Dictionary<int, List<int>>();
        for (var p = 0; p < prints.Count; p++)
        {
            if (size[root[p]] < 2) continue;
            if (!holding.TryGetValue(root[p], out var owners)) holding[root[p]] = owners = [];
            if (owners.Count == 0 || owners[^1] != owner[p]) owners.Add(owner[p]); // paragraphs come in report order
        }

        var shared = new Dictionary<string, IReadOnlyList<SharedParagraph>>(StringComparer.Ordinal);
        for (var p = 0; p < prints.Count; p++)
        {
            if (!holding.TryGetValue(root[p], out var holders) || holders.Count < 2) continue;
            // The paragraph's own report is one of the holders: the others are all but it (a stock paragraph has
            // thousands, so they are counted, not listed).
            var others = holders.Where(r => r != owner[p]).Take(MaxLinks).Select(r => ordered[r].Slug).ToArray();
            var slug = ordered[owner[p]].Slug;
            if (!shared.TryGetValue(slug, out var list)) shared[slug] = list = new List<SharedParagraph>();
            ((List<SharedParagraph>)list).Add(new SharedParagraph(prints[p].Excerpt, others, holders.Count - 1));
        }
        return shared;
    }

    private static ulong BandKey(uint[] signature, int band)
    {
        // The band's number is part of the key: equal values in different bands are different buckets.
        var key = 14695981039346656037UL ^ (ulong)band;
        for (var i = band * Rows; i < (band + 1) * Rows; i++) key = (key ^ signature[i]) * 1099511628211UL;
        return key;
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
