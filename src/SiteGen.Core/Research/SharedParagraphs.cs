namespace SiteGen.Research;

/// <summary>A paragraph of a report that another report also holds, verbatim or nearly.</summary>
/// <param name="Others">The other reports that hold it (slugs), at most <see cref="SharedParagraphs.MaxLinks"/>, in slug order.</param>
/// <param name="OtherCount">How many other reports hold it in all.</param>
public sealed record SharedParagraph(string Excerpt, IReadOnlyList<string> Others, int OtherCount);

/// <summary>
/// Finds the paragraphs reports share, in time linear in the archive: locality-sensitive hashing puts each paragraph's
/// signature, cut into <see cref="Bands"/> bands, into buckets; paragraphs meeting in a bucket whose signatures agree
/// on at least <see cref="Threshold"/> are the same text, and sameness is carried through (a copied paragraph copied
/// again is one group). Each bucket compares a newcomer with the bucket's first paragraph only, so a stock paragraph in
/// a thousand reports costs a thousand comparisons, not half a million.
/// </summary>
public static class SharedParagraphs
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

        var groups = new UnionFind(prints.Count);
        var buckets = new Dictionary<ulong, int>(prints.Count * Bands);
        for (var p = 0; p < prints.Count; p++)
            for (var band = 0; band < Bands; band++)
            {
                var key = BandKey(prints[p].Signature, band);
                if (!buckets.TryAdd(key, p) && owner[buckets[key]] != owner[p] && prints[buckets[key]].Similarity(prints[p]) >= Threshold)
                    groups.Union(buckets[key], p);
            }

        var reportsOfGroup = new Dictionary<int, SortedSet<int>>();
        for (var p = 0; p < prints.Count; p++)
        {
            var root = groups.Find(p);
            if (!reportsOfGroup.TryGetValue(root, out var set)) reportsOfGroup[root] = set = [];
            set.Add(owner[p]);
        }

        var shared = new Dictionary<string, IReadOnlyList<SharedParagraph>>(StringComparer.Ordinal);
        for (var p = 0; p < prints.Count; p++)
        {
            var holders = reportsOfGroup[groups.Find(p)];
            if (holders.Count < 2) continue;
            var others = holders.Where(r => r != owner[p]).ToList();
            var slug = ordered[owner[p]].Slug;
            if (!shared.TryGetValue(slug, out var list)) shared[slug] = list = new List<SharedParagraph>();
            ((List<SharedParagraph>)list).Add(new SharedParagraph(prints[p].Excerpt, others.Take(MaxLinks).Select(r => ordered[r].Slug).ToList(), others.Count));
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
