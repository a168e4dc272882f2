namespace SiteGen.Research;

/// <summary>
/// The locality-sensitive hashing buckets of every paragraph in the archive, one band at a time: each paragraph's band
/// key, sorted by key and then by the paragraph's place in the archive, so that a bucket is a run of equal keys and its
/// first paragraph is the run's first; and the matches found in them (see <see cref="SharedParagraphs"/>). Kept between
/// builds (<see cref="ParagraphBucketCache"/>): a later build hashes only the paragraphs of reports edited or added since
/// they were made, compares again only the buckets those join and the buckets that lost a paragraph, and carries every
/// other bucket's matches over, renumbered.
/// </summary>
internal static class ParagraphBuckets
{
    public const int Bands = 8;
    private const int Rows = ParagraphPrints.Hashes / Bands;

    /// <summary>
    /// One band: <c>Keys[i]</c> is paragraph <c>Paragraphs[i]</c>'s key, ordered by key, then paragraph; and each match
    /// (a bucket's first paragraph and another of its paragraphs that is the same text) with its bucket's key.
    /// </summary>
    public sealed record Band(ulong[] Keys, int[] Paragraphs, ulong[] MatchKeys, int[] Firsts, int[] Others);

    /// <summary>The paragraphs a band is made of: every report's, numbered by their place in the archive, each with the report it is of.</summary>
    public sealed class AllParagraphs
    {
        private readonly IReadOnlyList<ParagraphPrints> _reports;
        private readonly int[] _starts; // each report's first paragraph's number

        /// <param name="reports">Each report's prints, in archive order.</param>
        public AllParagraphs(IReadOnlyList<ParagraphPrints> reports)
        {
            _reports = reports;
            _starts = new int[reports.Count + 1];
            for (var r = 0; r < reports.Count; r++) _starts[r + 1] = _starts[r] + reports[r].Count;
            Owners = new int[_starts[^1]];
            for (var r = 0; r < reports.Count; r++) Owners.AsSpan(_starts[r], reports[r].Count).Fill(r);
        }

        public int Count => Owners.Length;

        /// <summary>The report (its place in the archive) each paragraph is of.</summary>
        public int[] Owners { get; }

        public ReadOnlySpan<uint> Signature(int paragraph) => _reports[Owners[paragraph]].Signature(paragraph - _starts[Owners[paragraph]]);

        public string Excerpt(int paragraph) => _reports[Owners[paragraph]].Excerpt(paragraph - _starts[Owners[paragraph]]);
    }

    /// <summary>A band's buckets and matches, every paragraph of <paramref name="all"/> hashed and every bucket compared.</summary>
    public static Band Of(int band, AllParagraphs all)
    {
        var paragraphs = Enumerable.Range(0, all.Count).ToArray();
        var keys = new ulong[paragraphs.Length];
        for (var i = 0; i < paragraphs.Length; i++) keys[i] = KeyOf(all.Signature(paragraphs[i]), band);
        SortByKeyThenParagraph(keys, paragraphs);
        var (matchKeys, firsts, others) = (new List<ulong>(), new List<int>(), new List<int>());
        for (int start = 0, end; start < keys.Length; start = end)
        {
            for (end = start + 1; end < keys.Length && keys[end] == keys[start]; end++) { }
            var found = firsts.Count;
            Compare(paragraphs.AsSpan(start, end - start), all, firsts, others);
            for (var i = found; i < firsts.Count; i++) matchKeys.Add(keys[start]);
        }
        return new Band(keys, paragraphs, [.. matchKeys], [.. firsts], [.. others]);
    }

    /// <summary>
    /// A band's matches for the paragraphs of <paramref name="all"/>, from the buckets of an earlier build (<paramref name="stored"/>)
    /// that <paramref name="moved"/> maps to their new numbers (-1: the paragraph is gone): the buckets that lose or gain a
    /// paragraph are compared again, the paragraphs <paramref name="fresh"/> being the ones they gain; every other bucket's
    /// matches are carried over, renumbered. What a band made afresh would match, reading only what changed.
    /// </summary>
    /// <param name="anyGone">Whether any earlier paragraph is gone: if none is, the buckets need not be read through for them.</param>
    public static (int[] Firsts, int[] Others) Patched(int band, AllParagraphs all, StoredBand stored, int[] moved, bool anyGone, IReadOnlyList<int> fresh)
    {
        var gained = new Dictionary<ulong, List<int>>();
        foreach (var p in fresh) // ascending, so each bucket's list is too
        {
            var key = KeyOf(all.Signature(p), band);
            if (!gained.TryGetValue(key, out var members)) gained[key] = members = [];
            members.Add(p);
        }
        var changed = anyGone ? stored.KeysOf(p => moved[p] < 0) : [];
        changed.UnionWith(gained.Keys);

        var (firsts, others) = (new List<int>(), new List<int>());
        var (matchKeys, earlierFirsts, earlierOthers) = stored.Matches();
        for (var i = 0; i < matchKeys.Length; i++)
        {
            if (changed.Contains(matchKeys[i])) continue;
            // An unchanged bucket lost no paragraph, so both of its matched paragraphs are still here.
            var (first, other) = (moved[earlierFirsts[i]], moved[earlierOthers[i]]);
            if (first < 0 || other < 0) throw new InvalidDataException("a carried paragraph match names a paragraph that is gone");
            firsts.Add(first);
            others.Add(other);
        }
        foreach (var key in changed.Order())
        {
            // Renumbering keeps the earlier paragraphs' order (reports keep theirs), and the bucket is sorted again with the gained ones.
            var members = stored.Bucket(key).Select(p => moved[p]).Where(p => p >= 0).Concat(gained.GetValueOrDefault(key) ?? []).Order().ToArray();
            Compare(members, all, firsts, others);
        }
        return ([.. firsts], [.. others]);
    }

    /// <summary>
    /// A bucket's matches: its first paragraph (the earliest in the archive) against each other one of another report.
    /// Comparing with the first only keeps a stock paragraph in a thousand reports at a thousand comparisons.
    /// </summary>
    private static void Compare(ReadOnlySpan<int> bucket, AllParagraphs all, List<int> firsts, List<int> others)
    {
        if (bucket.Length < 2) return;
        var first = bucket[0];
        foreach (var other in bucket[1..])
        {
            if (all.Owners[first] == all.Owners[other] || ParagraphPrints.Similarity(all.Signature(first), all.Signature(other)) < SharedParagraphs.Threshold) continue;
            firsts.Add(first);
            others.Add(other);
        }
    }

    private static ulong KeyOf(ReadOnlySpan<uint> signature, int band)
    {
        // The band's number is part of the key: equal values in different bands are different buckets.
        var key = 14695981039346656037UL ^ (ulong)band;
        for (var i = band * Rows; i < (band + 1) * Rows; i++) key = (key ^ signature[i]) * 1099511628211UL;
        return key;
    }

    private static void SortByKeyThenParagraph(ulong[] keys, int[] paragraphs)
    {
        Array.Sort(keys, paragraphs);
        // The sort is not stable: within a bucket (mostly one paragraph), put the paragraphs back in order.
        for (int start = 0, end; start < keys.Length; start = end)
        {
            for (end = start + 1; end < keys.Length && keys[end] == keys[start]; end++) { }
            if (end - start > 1) Array.Sort(paragraphs, start, end - start);
        }
    }
}
