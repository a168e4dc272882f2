namespace SiteGen.Search.Format;

/// <summary>
/// How the index is cut into files: documents per segment (about; see <see cref="IndexSegments"/>) and
/// positions per chunk (see <see cref="IndexFormat.Chunks"/>); and how many more files than its page a query
/// reads to count its matches exactly without being asked (the manifest's <c>countingBudget</c>). Tests build
/// small sites with tiny ones, so that every reader path runs over several segments and chunks.
/// </summary>
internal sealed record SearchLayout(int SegmentSize, int ChunkPositions, int CountingBudget = IndexFormat.CountingBudget)
{
    public static readonly SearchLayout Default = new(IndexSegments.Target, IndexFormat.ChunkPositions);
}
