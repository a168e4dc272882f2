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
        new DocumentTerms.Encoded(CacheFile.Longs(reader), CacheFile.Ints(reader), CacheFile.Bytes(reader, 1), CacheFile.Ints(reader), CacheFile.Bytes(reader, 1), CacheFile.Ints(reader)));

    internal void Put(string key, DocumentTerms.Encoded terms) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        CacheFile.WriteArray(writer, terms.Keys);
        CacheFile.WriteArray(writer, terms.Starts);
        CacheFile.WriteArray(writer, terms.Bytes);
        CacheFile.WriteArray(writer, terms.PositionStarts);
        CacheFile.WriteArray(writer, terms.Positions);
        CacheFile.WriteArray(writer, terms.Lengths);
    });
}
