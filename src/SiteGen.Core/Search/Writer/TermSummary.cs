using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// What the term dictionary keeps of one segment: each term (as <see cref="DocumentTerms"/> keys it), how
/// many of the segment's documents have it, and the best score before idf any of them gives it, stored as
/// <see cref="Bm25.StoredBound"/>.
/// </summary>
internal sealed record TermSummary(long[] Keys, int[] DocCounts, int[] Bounds)
{
    /// <summary>The terms whose entry differs between two summaries of a segment, or that only one has.</summary>
    public static IEnumerable<long> Changed(TermSummary before, TermSummary after)
    {
        var entries = new Dictionary<long, (int, int)>(before.Keys.Length);
        for (var i = 0; i < before.Keys.Length; i++) entries[before.Keys[i]] = (before.DocCounts[i], before.Bounds[i]);
        for (var i = 0; i < after.Keys.Length; i++)
        {
            if (!entries.Remove(after.Keys[i], out var was) || was != (after.DocCounts[i], after.Bounds[i])) yield return after.Keys[i];
        }
        foreach (var gone in entries.Keys) yield return gone;
    }
}
