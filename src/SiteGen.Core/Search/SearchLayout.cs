namespace SiteGen.Search;

/// <summary>
/// How the index is cut into files: documents per segment (about; see <see cref="IndexSegments"/>) and
/// positions per chunk (see <see cref="IndexFormat.Chunks"/>). Tests build small sites with tiny ones, so
/// that every reader path runs over several segments and chunks.
/// </summary>
public sealed record SearchLayout(int SegmentSize, int ChunkPositions)
{
    public static readonly SearchLayout Default = new(IndexSegments.Target, IndexFormat.ChunkPositions);
}
