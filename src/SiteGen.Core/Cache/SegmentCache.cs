namespace SiteGen.Cache;

/// <summary>What a search index segment's files do not say but the manifest and a rebuild need: their counts, its chunk files and its documents' lengths.</summary>
/// <param name="Lengths">Units in title, meta and body, three numbers per document of the segment.</param>
public sealed record SegmentRecord(int Shards, int PositionShards, string[] Chunks, int[] Lengths);

/// <summary>
/// Records of the search index segments earlier builds wrote, by the segment's fingerprint: with its record
/// and its files from the last build, a segment whose documents have not changed is not made again.
/// </summary>
public sealed class SegmentCache(string folder)
{
    private const string Mark = "SGS2";

    public SegmentRecord? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, reader =>
    {
        var shards = reader.ReadInt32();
        var positionShards = reader.ReadInt32();
        var chunks = new string[reader.ReadInt32()];
        for (var i = 0; i < chunks.Length; i++) chunks[i] = reader.ReadString();
        var lengths = new int[reader.ReadInt32()];
        for (var i = 0; i < lengths.Length; i++) lengths[i] = reader.ReadInt32();
        return new SegmentRecord(shards, positionShards, chunks, lengths);
    });

    public void Put(string key, SegmentRecord record) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        writer.Write(record.Shards);
        writer.Write(record.PositionShards);
        writer.Write(record.Chunks.Length);
        foreach (var chunk in record.Chunks) writer.Write(chunk);
        writer.Write(record.Lengths.Length);
        foreach (var length in record.Lengths) writer.Write(length);
    });
}
