using System.IO.Hashing;
using System.Text;
using SiteGen.Cache;

namespace SiteGen.Research;

/// <summary>
/// The paragraph buckets (<see cref="ParagraphBuckets"/>) of the build that last made them whole: a listing of the reports
/// they were made from (slug, analysis key, paragraphs) and a file a band. Later builds patch them in memory and write
/// nothing here, until they have drifted too far and are made again. A band file names the listing it belongs to by the
/// listing's hash, so a build stopped between writing them, or a damaged file, costs the buckets made again, never a wrong one.
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

    /// <summary>A band as the build that wrote <paramref name="listing"/> left it, checked and open to read; null if it is missing, damaged or another build's.</summary>
    public StoredBand? OpenBand(int band, Listing listing)
    {
        var content = CacheFile.Open(PathOf($"band-{band}"), Mark, cache.Damage);
        if (content is null) return null;
        try
        {
            long at = 0;
            var hash = content.ValueAt<ulong>(0);
            at += sizeof(ulong);
            var stored = new StoredBand(content, listing.Paragraphs, content.ArrayAt<ulong>(ref at), content.ArrayAt<int>(ref at),
                content.ArrayAt<ulong>(ref at), content.ArrayAt<int>(ref at), content.ArrayAt<int>(ref at));
            if (hash == listing.Hash && at == content.Length && stored.IsWhole) return stored;
        }
        catch (EndOfStreamException) { }
        content.Dispose();
        return null;
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

    private string PathOf(string name) => Path.Combine(_folder, name + ".bin");
}

/// <summary>
/// A band of the last build's buckets (<see cref="ParagraphBuckets.Band"/>) on disk, checked whole, of which a build that
/// carries it reads only what an edit touches: the buckets of the paragraphs it removed and added, and the matches.
/// Its paragraphs are numbered as that build's listing numbered them.
/// </summary>
internal sealed class StoredBand(CachedContent content, int paragraphs, CachedArray keys, CachedArray paragraphNumbers,
    CachedArray matchKeys, CachedArray firsts, CachedArray others) : IDisposable
{
    /// <summary>Whether its arrays agree: a key for each paragraph, and a first and another for each match.</summary>
    public bool IsWhole => keys.Count == paragraphNumbers.Count && matchKeys.Count == firsts.Count && firsts.Count == others.Count;

    /// <summary>The keys of the buckets that hold any of the paragraphs <paramref name="gone"/> picks, read through once a block at a time.</summary>
    public HashSet<ulong> KeysOf(Func<int, bool> gone)
    {
        const int Block = 1 << 16;
        var found = new HashSet<ulong>();
        var (keyBlock, paragraphBlock) = (new ulong[Block], new int[Block]);
        for (var at = 0; at < keys.Count; at += Block)
        {
            var n = Math.Min(Block, keys.Count - at);
            content.Read(paragraphNumbers, at, paragraphBlock.AsSpan(0, n));
            var read = false;
            for (var i = 0; i < n; i++)
            {
                if (!gone(Checked(paragraphBlock[i]))) continue;
                if (!read) content.Read(keys, at, keyBlock.AsSpan(0, n));
                read = true;
                found.Add(keyBlock[i]);
            }
        }
        return found;
    }

    /// <summary>The paragraphs of the bucket with <paramref name="key"/>, in order; none if there is no such bucket.</summary>
    public int[] Bucket(ulong key)
    {
        var start = FirstNotBelow(key);
        var end = start;
        while (end < keys.Count && content.ReadOne<ulong>(keys, end) == key) end++;
        var members = new int[end - start];
        content.Read<int>(paragraphNumbers, start, members);
        foreach (var p in members) Checked(p);
        return members;
    }

    /// <summary>Every match: a bucket's key, its first paragraph and another of its paragraphs that is the same text.</summary>
    public (ulong[] Keys, int[] Firsts, int[] Others) Matches()
    {
        var (k, f, o) = (content.Whole<ulong>(matchKeys), content.Whole<int>(firsts), content.Whole<int>(others));
        foreach (var p in f) Checked(p);
        foreach (var p in o) Checked(p);
        return (k, f, o);
    }

    private int FirstNotBelow(ulong key)
    {
        var (low, high) = (0, keys.Count);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (content.ReadOne<ulong>(keys, middle) < key) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    // The file's hash was right, so a number out of range is a fault of the build that wrote it: not to be trusted either.
    private int Checked(int paragraph) =>
        paragraph >= 0 && paragraph < paragraphs ? paragraph : throw new InvalidDataException("a paragraph bucket names a paragraph its listing does not have");

    public void Dispose() => content.Dispose();
}
