using System.Runtime.InteropServices;
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
        new DocumentTerms.Encoded(Longs(reader), Ints(reader), Bytes(reader, 1), Ints(reader), Bytes(reader, 1), Ints(reader)));

    internal void Put(string key, DocumentTerms.Encoded terms) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        Write(writer, terms.Keys);
        Write(writer, terms.Starts);
        Write(writer, terms.Bytes);
        Write(writer, terms.PositionStarts);
        Write(writer, terms.Positions);
        Write(writer, terms.Lengths);
    });

    private static void Write<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    // Whole arrays at once, not value by value: 2,000 documents' terms are read back for every remade segment.
    // BinaryWriter wrote them little-endian, which is what every machine .NET runs this on is.
    private static long[] Longs(BinaryReader reader) => MemoryMarshal.Cast<byte, long>(Bytes(reader, sizeof(long))).ToArray();

    private static int[] Ints(BinaryReader reader) => MemoryMarshal.Cast<byte, int>(Bytes(reader, sizeof(int))).ToArray();

    private static byte[] Bytes(BinaryReader reader, int size)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > int.MaxValue / size) throw new FormatException("a cached array's length is out of range");
        var bytes = reader.ReadBytes(count * size);
        return bytes.Length == count * size ? bytes : throw new EndOfStreamException();
    }
}
