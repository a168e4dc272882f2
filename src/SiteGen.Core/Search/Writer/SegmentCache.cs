using SiteGen.Cache;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>What a search index segment's files do not say but the manifest, the term dictionary and a rebuild need.</summary>
/// <param name="Documents">How many documents the segment holds.</param>
/// <param name="Terms">Its terms, each with its documents and best score in the segment.</param>
internal sealed record SegmentRecord(int Documents, int Shards, int PositionShards, string[] Chunks, TermSummary Terms);

/// <summary>
/// Records of the search index segments earlier builds wrote, by the segment's fingerprint: with its record
/// and its files from the last build, a segment whose documents have not changed is not made again.
/// </summary>
internal sealed class SegmentCache(string folder, CacheDamage damage)
{
    public SegmentCache(BuildCache cache) : this(cache.ItemFolder("segments"), cache.Damage) { }

    private const string Mark = "SGS3";

    public SegmentRecord? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, damage, reader =>
    {
        var (documents, shards, positionShards) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var chunks = new string[reader.ReadInt32()];
        for (var i = 0; i < chunks.Length; i++) chunks[i] = reader.ReadString();
        var terms = new TermSummary(CacheFile.Longs(reader), CacheFile.Ints(reader), CacheFile.Ints(reader));
        return terms.Keys.Length == terms.DocCounts.Length && terms.Keys.Length == terms.Bounds.Length
            ? new SegmentRecord(documents, shards, positionShards, chunks, terms) : throw new FormatException("a segment's term summary is torn");
    });

    public void Put(string key, SegmentRecord record) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        writer.Write(record.Documents);
        writer.Write(record.Shards);
        writer.Write(record.PositionShards);
        writer.Write(record.Chunks.Length);
        foreach (var chunk in record.Chunks) writer.Write(chunk);
        CacheFile.WriteArray(writer, record.Terms.Keys);
        CacheFile.WriteArray(writer, record.Terms.DocCounts);
        CacheFile.WriteArray(writer, record.Terms.Bounds);
    });
}
