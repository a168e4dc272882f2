using System.Buffers;
using SiteGen.Cache;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// Documents as the search index took them apart (<see cref="InvertedDocument"/>), kept between builds
/// and named by the fingerprint of the report they were made from (<see cref="SearchIndexWriter.KeyOf"/>):
/// an edit to one report takes one document apart again.
/// </summary>
internal sealed class TermsCache(string folder, CacheDamage damage)
{
    public TermsCache(BuildCache cache) : this(cache.ItemFolder("terms"), cache.Damage) { }

    private const string Mark = "SGT5";

    internal InvertedDocument? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, damage, reader => new InvertedDocument(
        new DocumentTerms.Encoded(Unpacked(reader.ReadInt32(), CacheFile.Bytes(reader, 1)), CacheFile.Bytes(reader, 1), CacheFile.Bytes(reader, 1), CacheFile.Ints(reader)),
        new TextHead(reader.ReadString(), reader.ReadString(), reader.ReadBoolean())));

    internal void Put(string key, InvertedDocument document) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        var terms = document.Terms;
        writer.Write(terms.Keys.Length);
        WritePacked(writer, terms.Keys);
        CacheFile.WriteArray(writer, terms.Bytes);
        CacheFile.WriteArray(writer, terms.Positions);
        CacheFile.WriteArray(writer, terms.Lengths);
        writer.Write(document.Head.Meta);
        writer.Write(document.Head.Body);
        writer.Write(document.Head.Truncated);
    });

    // A key as varints, as an array of bytes (CacheFile.Bytes reads it): a unit its code point, a pair its two and
    // whether punctuation stood between them (the low bits of the first say which). Three to six bytes a key where a
    // long took eight; encoded in a lent buffer, as every document of a cold build is written here.
    private static void WritePacked(BinaryWriter writer, long[] keys)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(keys.Length * 10);
        var written = 0;
        foreach (var key in keys)
        {
            if (!DocumentTerms.IsPair(key))
            {
                written += IndexFormat.WriteVarint(buffer.AsSpan(written), (int)key << 1);
                continue;
            }
            var (first, second, broken) = DocumentTerms.PairParts(key);
            written += IndexFormat.WriteVarint(buffer.AsSpan(written), first << 2 | (broken ? 2 : 0) | 1);
            written += IndexFormat.WriteVarint(buffer.AsSpan(written), second);
        }
        writer.Write(written);
        writer.Write(buffer.AsSpan(0, written));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static long[] Unpacked(int count, byte[] bytes)
    {
        if (count < 0 || count > bytes.Length) throw new FormatException("a cached term count out of range");
        var keys = new long[count];
        var at = 0;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var first = IndexFormat.ReadVarint(bytes, ref at);
                keys[i] = (first & 1) == 0 ? first >> 1 : DocumentTerms.Pair(first >> 2, IndexFormat.ReadVarint(bytes, ref at), (first & 2) != 0);
            }
        }
        catch (IndexOutOfRangeException) { throw new FormatException("cached terms cut short"); }
        return at == bytes.Length ? keys : throw new FormatException("cached terms longer than their count");
    }
}
