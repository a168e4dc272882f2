using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// What the term dictionary keeps of one segment: each term (as <see cref="DocumentTerms"/> keys it), how
/// many of the segment's documents have it, and the best score before idf any of them gives it, stored as
/// <see cref="Bm25.StoredBound"/>.
/// </summary>
internal sealed record TermSummary(long[] Keys, int[] DocCounts, int[] Bounds);
