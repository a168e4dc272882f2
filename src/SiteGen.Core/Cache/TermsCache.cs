using SiteGen.Search;

namespace SiteGen.Cache;

/// <summary>
/// Documents as the search index took them apart (<see cref="DocumentTerms.Encoded"/>), kept between builds
/// and named by the fingerprint of the report they were made from (<see cref="SearchIndexWriter.KeyOf"/>):
/// an edit to one report takes one document apart again.
/// </summary>
public sealed class TermsCache(string folder)
{
    private const string Mark = "SGT2";

    internal DocumentTerms.Encoded? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, reader =>
        new DocumentTerms.Encoded(Longs(reader), Ints(reader), Bytes(reader), Ints(reader), Bytes(reader), Ints(reader)));

    internal void Put(string key, DocumentTerms.Encoded terms) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        writer.Write(terms.Keys.Length);
        foreach (var k in terms.Keys) writer.Write(k);
        Write(writer, terms.Starts);
        writer.Write(terms.Bytes.Length);
        writer.Write(terms.Bytes);
        Write(writer, terms.PositionStarts);
        writer.Write(terms.Positions.Length);
        writer.Write(terms.Positions);
        Write(writer, terms.Lengths);
    });

    private static void Write(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    private static long[] Longs(BinaryReader reader)
    {
        var values = new long[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadInt64();
        return values;
    }

    private static int[] Ints(BinaryReader reader)
    {
        var values = new int[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadInt32();
        return values;
    }

    private static byte[] Bytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new EndOfStreamException();
    }
}
