namespace SiteGen.Search.Format;

/// <summary>A run of documents whose postings are written, and reused, together: ids Start…Start+Count−1.</summary>
internal readonly record struct SegmentRange(int Start, int Count)
{
    public int End => Start + Count;
}

/// <summary>
/// Splits the archive's documents (newest first) into segments of about <c>target</c> documents.
/// Where a segment ends depends on the documents themselves, not on their ids: a segment ends after a
/// document whose slug hashes to 0 mod half the target (once it holds half the target), or at twice the
/// target. (With a quarter and four times, a 10,000-report archive once had a segment of 6,623 documents,
/// and an edit there remade two thirds of the index.)
/// So an added or deleted report changes the segment it falls in and leaves the boundaries elsewhere
/// where they were, and so the other segments' files; an edit changes only its own segment.
/// </summary>
internal static class IndexSegments
{
    /// <summary>
    /// Documents per segment, about. A query reads, for each segment it reads, its columns and a shard per term,
    /// and the chunks of the reports it checks there: fewer segments, fewer files. But a segment's bound is the
    /// best its best document can score, so the larger the segment, the less a query can leave unread. Measured
    /// with tests/SiteGen.Benchmarks layouts (2026-12-03): at 10,000 generated reports 4,000 made three segments
    /// and a median query loaded 35 files and 144 KB where 2,000 made six and it loaded 48 and 155 KB (its
    /// results, counts estimated); at 100,000, 4,000 made 25 and it loaded 59 files and 311 KB (counts included)
    /// where 2,000 made 50 and it loaded 60 and 234 KB (the same reports, an earlier session): there a query
    /// leaves most segments unread, and a larger one is less often left. A build also holds one segment's postings.
    /// </summary>
    public const int Target = 2000;

    public static IReadOnlyList<SegmentRange> Plan(IReadOnlyList<string> slugs, int target = Target)
    {
        var min = Math.Max(1, target / 2);
        var max = 2 * Math.Max(1, target);
        var segments = new List<SegmentRange>();
        var start = 0;
        for (var i = 0; i < slugs.Count; i++)
        {
            var size = i - start + 1;
            if (size == max || (size >= min && IndexFormat.Hash(slugs[i]) % (uint)Math.Max(1, target - min) == 0) || i == slugs.Count - 1)
            {
                segments.Add(new SegmentRange(start, size));
                start = i + 1;
            }
        }
        return segments;
    }
}
