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

    private const string Mark = "SGT4";

    internal InvertedDocument? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, damage, reader => new InvertedDocument(
        new DocumentTerms.Encoded(CacheFile.Longs(reader), CacheFile.Bytes(reader, 1), CacheFile.Bytes(reader, 1), CacheFile.Ints(reader)),
        new TextHead(reader.ReadString(), reader.ReadString(), reader.ReadBoolean())));

    internal void Put(string key, InvertedDocument document) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        var terms = document.Terms;
        CacheFile.WriteArray(writer, terms.Keys);
        CacheFile.WriteArray(writer, terms.Bytes);
        CacheFile.WriteArray(writer, terms.Positions);
        CacheFile.WriteArray(writer, terms.Lengths);
        writer.Write(document.Head.Meta);
        writer.Write(document.Head.Body);
        writer.Write(document.Head.Truncated);
    });
}
