namespace SiteGen.Search;

/// <summary>A run of documents whose postings are written, and reused, together: ids Start…Start+Count−1.</summary>
public readonly record struct SegmentRange(int Start, int Count)
{
    public int End => Start + Count;
}

/// <summary>
/// Splits the archive's documents (newest first) into segments of about <c>target</c> documents.
/// Where a segment ends depends on the documents themselves, not on their ids: a segment ends after a
/// document whose slug hashes to 0 (once it holds a quarter of the target), or at four times the target.
/// So an added or deleted report changes the segment it falls in and leaves the boundaries elsewhere
/// where they were, and so the other segments' files; an edit changes only its own segment.
/// </summary>
public static class IndexSegments
{
    /// <summary>
    /// Documents per segment, about. A rebuild after an edit remakes one segment, and a query reads one
    /// shard per segment for each term: smaller segments make the first cheaper and the second dearer.
    /// </summary>
    public const int Target = 1000;

    public static IReadOnlyList<SegmentRange> Plan(IReadOnlyList<string> slugs, int target = Target)
    {
        var min = Math.Max(1, target / 4);
        var max = 4 * Math.Max(1, target);
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
