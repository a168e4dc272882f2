using System.IO.Hashing;
using System.Text;
using SiteGen.Cache;

namespace SiteGen.Research;

/// <summary>
/// The last build's paragraph buckets (<see cref="ParagraphBuckets"/>): a listing of the reports they were made from
/// (slug, analysis key, paragraphs) and a file a band. A band file names the listing it belongs to by the listing's
/// hash, so a build stopped between writing them, or a damaged file, costs that band hashed afresh, never a wrong bucket.
/// </summary>
internal sealed class ParagraphBucketCache(BuildCache cache)
{
    public const string FolderName = "paragraph-buckets";
    private const string Mark = "SGP2";
    private readonly string _folder = cache.ShardFolder(FolderName);

    /// <summary>A report whose paragraphs are in the buckets: its analysis's key says which version of it.</summary>
    public readonly record struct Listed(string Slug, string Key, int Paragraphs);

    /// <summary>The reports the buckets were made from, in slug order: their paragraphs are numbered in that order.</summary>
    public sealed class Listing
    {
        public Listing(IReadOnlyList<Listed> reports)
        {
            Reports = reports;
            var hash = new XxHash3();
            foreach (var report in reports)
            {
                hash.Append(Encoding.UTF8.GetBytes($"{report.Slug}\n{report.Key}\n{report.Paragraphs}\n"));
                Paragraphs += report.Paragraphs;
            }
            Hash = hash.GetCurrentHashAsUInt64();
        }

        public IReadOnlyList<Listed> Reports { get; }
        public int Paragraphs { get; }
        public ulong Hash { get; }
    }

    public Listing? ReadListing() => CacheFile.Read(PathOf("listing"), Mark, cache.Damage, reader =>
    {
        var reports = new Listed[reader.ReadInt32()];
        for (var i = 0; i < reports.Length; i++) reports[i] = new Listed(reader.ReadString(), reader.ReadString(), reader.ReadInt32());
        return new Listing(reports);
    });

    public void WriteListing(Listing listing) => CacheFile.Write(PathOf("listing"), Mark, writer =>
    {
        writer.Write(listing.Reports.Count);
        foreach (var report in listing.Reports)
        {
            writer.Write(report.Slug);
            writer.Write(report.Key);
            writer.Write(report.Paragraphs);
        }
    });

    /// <summary>A band as the build that wrote <paramref name="listing"/> left it; null if it is missing, damaged or another build's.</summary>
    public ParagraphBuckets.Band? ReadBand(int band, Listing listing)
    {
        var stored = CacheFile.Read(PathOf($"band-{band}"), Mark, cache.Damage, reader => new Stored(reader.ReadUInt64(),
            new ParagraphBuckets.Band(CacheFile.Ulongs(reader), CacheFile.Ints(reader), CacheFile.Ulongs(reader), CacheFile.Ints(reader), CacheFile.Ints(reader))));
        if (stored is null || stored.Listing != listing.Hash) return null;
        var read = stored.Band;
        bool Numbers(int[] paragraphs) => paragraphs.All(p => p >= 0 && p < listing.Paragraphs);
        return read.Keys.Length == read.Paragraphs.Length && read.MatchKeys.Length == read.Firsts.Length && read.Firsts.Length == read.Others.Length
            && Numbers(read.Paragraphs) && Numbers(read.Firsts) && Numbers(read.Others) ? read : null;
    }

    public void WriteBand(int band, Listing listing, ParagraphBuckets.Band buckets) => CacheFile.Write(PathOf($"band-{band}"), Mark, writer =>
    {
        writer.Write(listing.Hash);
        CacheFile.WriteArray(writer, buckets.Keys);
        CacheFile.WriteArray(writer, buckets.Paragraphs);
        CacheFile.WriteArray(writer, buckets.MatchKeys);
        CacheFile.WriteArray(writer, buckets.Firsts);
        CacheFile.WriteArray(writer, buckets.Others);
    });

    private sealed record Stored(ulong Listing, ParagraphBuckets.Band Band);

    private string PathOf(string name) => Path.Combine(_folder, name + ".bin");
}
