namespace SiteGen.Research;

/// <summary>
/// The locality-sensitive hashing buckets of every paragraph in the archive, one band at a time: each paragraph's band
/// key, sorted by key and then by the paragraph's place in the archive, so that a bucket is a run of equal keys and its
/// first paragraph is the run's first; and the matches found in them (see <see cref="SharedParagraphs"/>). Kept between
/// builds (<see cref="ParagraphBucketCache"/>): a build carries over the entries of the reports whose analysis it still
/// has, renumbered, drops the others' and merges in keys for the paragraphs of edited and added reports; only the
/// buckets that gained or lost a paragraph are compared again, and every other bucket's matches are carried over.
/// </summary>
internal static class ParagraphBuckets
{
    public const int Bands = 8;
    private const int Rows = ParagraphPrint.Hashes / Bands;

    /// <summary>
    /// One band: <c>Keys[i]</c> is paragraph <c>Paragraphs[i]</c>'s key, ordered by key, then paragraph; and each match
    /// (a bucket's first paragraph and another of its paragraphs that is the same text) with its bucket's key.
    /// </summary>
    public sealed record Band(ulong[] Keys, int[] Paragraphs, ulong[] MatchKeys, int[] Firsts, int[] Others);

    /// <summary>The paragraphs a band is made of: their prints, numbered by their place in the archive, and the report each is of.</summary>
    public sealed record AllParagraphs(IReadOnlyList<ParagraphPrint> Prints, int[] Owners);

    /// <summary>
    /// A band's buckets and matches for the paragraphs of <paramref name="all"/>: those of <paramref name="earlier"/>
    /// that <paramref name="moved"/> carries (to their new numbers; -1 drops one), and freshly hashed the rest of them,
    /// <paramref name="fresh"/>.
    /// </summary>
    /// <param name="earlier">The last build's band, or null to hash and compare every paragraph.</param>
    /// <param name="fresh">The paragraphs the earlier band does not hold, in ascending order; ignored without one.</param>
    public static Band Of(int band, AllParagraphs all, Band? earlier, int[]? moved, IReadOnlyList<int> fresh)
    {
        var hashed = earlier is null ? Enumerable.Range(0, all.Prints.Count).ToArray() : fresh.ToArray();
        var keys = new ulong[hashed.Length];
        for (var i = 0; i < hashed.Length; i++) keys[i] = KeyOf(all.Prints[hashed[i]].Signature, band);
        SortByKeyThenParagraph(keys, hashed);
        if (earlier is null) return WithMatches(keys, hashed, all, null, null);

        // The buckets that lose or gain a paragraph are compared again; every other bucket's matches stay as they were.
        var changed = new HashSet<ulong>(keys);
        for (var i = 0; i < earlier.Keys.Length; i++) if (moved![earlier.Paragraphs[i]] < 0) changed.Add(earlier.Keys[i]);
        var (allKeys, paragraphs) = CarryAndMerge(earlier, moved!, keys, hashed);
        return WithMatches(allKeys, paragraphs, all, changed, earlier with { Firsts = Renumber(earlier.Firsts, moved!), Others = Renumber(earlier.Others, moved!) });
    }

    /// <summary>
    /// The band with its matches: every bucket's when <paramref name="changed"/> is null, else those of the changed
    /// buckets found again and the rest carried from <paramref name="carried"/> (already renumbered).
    /// </summary>
    private static Band WithMatches(ulong[] keys, int[] paragraphs, AllParagraphs all, HashSet<ulong>? changed, Band? carried)
    {
        var (matchKeys, firsts, others) = (new List<ulong>(), new List<int>(), new List<int>());
        if (carried is not null)
            for (var i = 0; i < carried.MatchKeys.Length; i++)
            {
                if (changed!.Contains(carried.MatchKeys[i])) continue;
                matchKeys.Add(carried.MatchKeys[i]);
                firsts.Add(carried.Firsts[i]);
                others.Add(carried.Others[i]);
            }
        for (int start = 0, end; start < keys.Length; start = end)
        {
            for (end = start + 1; end < keys.Length && keys[end] == keys[start]; end++) { }
            if (end - start < 2 || changed?.Contains(keys[start]) == false) continue;
            var first = paragraphs[start];
            for (var i = start + 1; i < end; i++)
            {
                var other = paragraphs[i];
                if (all.Owners[first] == all.Owners[other] || all.Prints[first].Similarity(all.Prints[other]) < SharedParagraphs.Threshold) continue;
                matchKeys.Add(keys[start]);
                firsts.Add(first);
                others.Add(other);
            }
        }
        return new Band(keys, paragraphs, [.. matchKeys], [.. firsts], [.. others]);
    }

    private static ulong KeyOf(uint[] signature, int band)
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

    private static int[] Renumber(int[] paragraphs, int[] moved) => Array.ConvertAll(paragraphs, p => moved[p]);

    /// <summary>
    /// The earlier entries of paragraphs still here, renumbered (which keeps their order, as reports keep theirs), merged
    /// with the fresh ones, in one pass.
    /// </summary>
    private static (ulong[] Keys, int[] Paragraphs) CarryAndMerge(Band earlier, int[] moved, ulong[] freshKeys, int[] fresh)
    {
        var count = fresh.Length;
        foreach (var p in earlier.Paragraphs) if (moved[p] >= 0) count++;
        var (keys, paragraphs) = (new ulong[count], new int[count]);
        int i = 0, j = 0;
        for (var at = 0; at < count; at++)
        {
            while (i < earlier.Keys.Length && moved[earlier.Paragraphs[i]] < 0) i++;
            var fromEarlier = j == fresh.Length || i < earlier.Keys.Length && (earlier.Keys[i], moved[earlier.Paragraphs[i]]).CompareTo((freshKeys[j], fresh[j])) < 0;
            (keys[at], paragraphs[at]) = fromEarlier ? (earlier.Keys[i], moved[earlier.Paragraphs[i++]]) : (freshKeys[j], fresh[j++]);
        }
        return (keys, paragraphs);
    }
}
