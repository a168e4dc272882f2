using SiteGen.Cache;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>What a search index segment's files do not say but the manifest, the term dictionary and a rebuild need.</summary>
/// <param name="Documents">How many documents the segment holds.</param>
/// <param name="Terms">Its terms, each with its documents and best score in the segment.</param>
internal sealed record SegmentRecord(int Documents, int Shards, int PositionShards, string[] Chunks, TermSummary Terms);

/// <summary>A patch a build made (<see cref="SegmentPatch"/>): its base's fingerprint, the documents replaced, the delta's files and the segment a cold build makes.</summary>
internal sealed record PatchRecord(string BaseKey, int[] Replaced, SegmentRecord Delta, SegmentRecord Logical);

/// <summary>The segment last made whole of a run of reports: its fingerprint, and each of its documents', in order.</summary>
internal sealed record BaseRecord(string Key, string[] Documents);

/// <summary>
/// Records of the search index segments earlier builds wrote, by the segment's fingerprint: with its record
/// and its files from the last build, a segment whose documents have not changed is not made again.
/// Beside them: each patched segment's patch, by the same fingerprint, and for each run of reports (by slug)
/// the segment last made whole of them, which an edit patches.
/// </summary>
internal sealed class SegmentCache(string folder, string patches, string bases, CacheDamage damage)
{
    public SegmentCache(BuildCache cache) : this(cache.ItemFolder("segments"), cache.ItemFolder("patches"), cache.ItemFolder("bases"), cache.Damage) { }

    private const string Mark = "SGS3", PatchMark = "SGP1", BaseMark = "SGB1";

    public SegmentRecord? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, damage, ReadRecord);

    public void Put(string key, SegmentRecord record) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer => WriteRecord(writer, record));

    /// <summary>The patch a build made of the segment with fingerprint <paramref name="key"/>.</summary>
    public PatchRecord? GetPatch(string key) =>
        CacheFile.Read(CacheFile.PathOf(patches, key), PatchMark, damage, reader => new PatchRecord(reader.ReadString(), CacheFile.Ints(reader), ReadRecord(reader), ReadRecord(reader)));

    public void PutPatch(string key, SegmentPatch patch) => CacheFile.Write(CacheFile.PathOf(patches, key), PatchMark, writer =>
    {
        writer.Write(patch.BaseKey);
        CacheFile.WriteArray(writer, patch.Replaced);
        WriteRecord(writer, patch.Delta!);
        WriteRecord(writer, patch.Logical!);
    });

    /// <summary>The segment last made whole of a run of reports (<paramref name="slugsKey"/>).</summary>
    public BaseRecord? GetBase(string slugsKey) =>
        CacheFile.Read(CacheFile.PathOf(bases, slugsKey), BaseMark, damage, reader =>
        {
            var key = reader.ReadString();
            var documents = new string[reader.ReadInt32()];
            for (var i = 0; i < documents.Length; i++) documents[i] = reader.ReadString();
            return new BaseRecord(key, documents);
        });

    public void PutBase(string slugsKey, string key, IReadOnlyList<string> documents) => CacheFile.Write(CacheFile.PathOf(bases, slugsKey), BaseMark, writer =>
    {
        writer.Write(key);
        writer.Write(documents.Count);
        foreach (var document in documents) writer.Write(document);
    });

    private static SegmentRecord ReadRecord(BinaryReader reader)
    {
        var (documents, shards, positionShards) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var chunks = new string[reader.ReadInt32()];
        for (var i = 0; i < chunks.Length; i++) chunks[i] = reader.ReadString();
        var terms = new TermSummary(CacheFile.Longs(reader), CacheFile.Ints(reader), CacheFile.Ints(reader));
        return terms.Keys.Length == terms.DocCounts.Length && terms.Keys.Length == terms.Bounds.Length
            ? new SegmentRecord(documents, shards, positionShards, chunks, terms) : throw new FormatException("a segment's term summary is torn");
    }

    private static void WriteRecord(BinaryWriter writer, SegmentRecord record)
    {
        writer.Write(record.Documents);
        writer.Write(record.Shards);
        writer.Write(record.PositionShards);
        writer.Write(record.Chunks.Length);
        foreach (var chunk in record.Chunks) writer.Write(chunk);
        CacheFile.WriteArray(writer, record.Terms.Keys);
        CacheFile.WriteArray(writer, record.Terms.DocCounts);
        CacheFile.WriteArray(writer, record.Terms.Bounds);
    }
}
