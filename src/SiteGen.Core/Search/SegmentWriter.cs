using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// The postings of one segment: every term of its documents, with ids counted from the segment's start,
/// held until its last document arrives and then written as shards of about <see cref="TargetShardBytes"/>.
/// Only one segment's postings are in memory at a time, however large the archive.
/// </summary>
internal sealed class SegmentWriter(int chunkPositions)
{
    private const int TargetShardBytes = 8 * 1024;
    private readonly Dictionary<long, TermPostings> _terms = new();
    private int _count;

    /// <summary>Adds the next document of the segment.</summary>
    public void Add(DocumentTerms.Encoded terms)
    {
        var id = _count++;
        for (var i = 0; i < terms.Keys.Length; i++)
        {
            ref var term = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, terms.Keys[i], out _);
            term ??= new TermPostings(DocumentTerms.Text(terms.Keys[i]));
            DocumentTerms.WriteVarint(term.Postings, id - term.LastDoc);
            term.Postings.Write(terms.Bytes.AsSpan(terms.Starts[i]..terms.Starts[i + 1]));
            term.Positions.Write(terms.Positions.AsSpan(terms.PositionStarts[i]..terms.PositionStarts[i + 1]));
            term.LastDoc = id;
            term.DocCount++;
        }
    }

    /// <summary>Writes the shards and chunks, named by <paramref name="generation"/>; returns how many shards of each kind and the chunk files' names.</summary>
    public SegmentFiles Finish(Action<string, string> write, string generation)
    {
        var shards = WriteShards(IndexFormat.Shard, _terms.Values.Select(t => (t.Text, t.DocCount, t.Postings.WrittenMemory)), write, generation);
        var pairs = _terms.Values.Where(t => t.Positions.WrittenCount > 0).Select(t => new Pair(t, PositionCounts(t), chunkPositions)).ToList();
        var positionShards = WriteShards(IndexFormat.PositionShard,
            pairs.Where(p => p.Chunks is null).Select(p => (p.Term.Text, p.Term.DocCount, p.Term.Positions.WrittenMemory)), write, generation);
        var chunks = WriteChunks(pairs.Where(p => p.Chunks is not null).ToList(), write, generation);
        _terms.Clear();
        return new SegmentFiles(shards, positionShards, chunks);
    }

    /// <summary>How many positions each of a pair's documents has: the sum of its counts.</summary>
    private static List<int> PositionCounts(TermPostings term)
    {
        var bytes = term.Postings.WrittenSpan;
        var counts = new List<int>(term.DocCount);
        for (var at = 0; at < bytes.Length;)
        {
            IndexFormat.ReadVarint(bytes, ref at);
            var mask = IndexFormat.ReadVarint(bytes, ref at);
            var sum = 0;
            for (var f = 0; f < 3; f++)
                if ((mask & (1 << f)) != 0) sum += IndexFormat.ReadVarint(bytes, ref at);
            counts.Add(sum);
        }
        return counts;
    }

    /// <summary>Cuts each common pair's positions into its chunks (they are in document order, so each chunk is one run of bytes) and writes them by file.</summary>
    private static string[] WriteChunks(List<Pair> pairs, Action<string, string> write, string generation)
    {
        var files = new SortedDictionary<string, List<(string, int, ReadOnlyMemory<byte>)>>(StringComparer.Ordinal);
        foreach (var (term, counts, chunkOf) in pairs)
        {
            var positions = term.Positions.WrittenMemory;
            int at = 0, start = 0, first = 0;
            for (var i = 0; i < counts.Count; i++)
            {
                for (var k = 0; k < counts[i]; k++) IndexFormat.ReadVarint(positions.Span, ref at);
                if (i + 1 < counts.Count && chunkOf![i + 1] == chunkOf[i]) continue;
                var name = IndexFormat.ChunkName(term.Text, chunkOf![i], generation);
                if (!files.TryGetValue(name, out var list)) files[name] = list = [];
                list.Add((term.Text, i + 1 - first, positions[start..at]));
                (start, first) = (at, i + 1);
            }
        }
        Parallel.ForEach(files, file => WriteScript(IndexFormat.Chunk, file.Key, file.Value, write));
        return files.Keys.ToArray();
    }

    /// <summary>
    /// Writes terms' data in shards by term hash; returns how many. Documents and counts go in one set,
    /// pairs' positions in another: only parts of three or more units read positions.
    /// </summary>
    private static int WriteShards(string kind, IEnumerable<(string Term, int DocCount, ReadOnlyMemory<byte> Data)> terms,
        Action<string, string> write, string generation)
    {
        var list = terms.ToList();
        var count = Math.Clamp((int)Math.Ceiling(list.Sum(t => t.Data.Length + 8) / (double)TargetShardBytes), 1, 1 << 20);
        var byShard = list.ToLookup(t => IndexFormat.ShardOf(t.Term, count));
        Parallel.For(0, count, k => WriteScript(kind, IndexFormat.ShardName(kind, k, generation), byShard[k], write));
        return count;
    }

    // Files are encoded and written on every core: a rebuild after one edit remakes its segment's 12,000 files.
    private static void WriteScript(string kind, string name, IEnumerable<(string Term, int DocCount, ReadOnlyMemory<byte> Data)> terms,
        Action<string, string> write) =>
        write($"{IndexFormat.Folder}/{name}", IndexFormat.NamedScript(kind, name, $"\"{Convert.ToBase64String(EncodeShard(terms))}\""));

    /// <summary>Terms in ordinal order, each with its document count and data: the layout of shards and chunks alike.</summary>
    private static byte[] EncodeShard(IEnumerable<(string Term, int DocCount, ReadOnlyMemory<byte> Data)> terms)
    {
        var list = terms.OrderBy(t => t.Term, StringComparer.Ordinal).ToList();
        using var bytes = new MemoryStream();
        IndexFormat.WriteVarint(bytes, list.Count);
        foreach (var (term, docCount, data) in list)
        {
            var utf8 = Encoding.UTF8.GetBytes(term);
            IndexFormat.WriteVarint(bytes, utf8.Length);
            bytes.Write(utf8);
            IndexFormat.WriteVarint(bytes, docCount);
            IndexFormat.WriteVarint(bytes, data.Length);
            bytes.Write(data.Span);
        }
        return bytes.ToArray();
    }

    /// <summary>A pair term with how many positions each of its documents has, and their chunks (null: few enough for the position shard).</summary>
    private sealed record Pair(TermPostings Term, List<int> Counts, int[]? Chunks)
    {
        public Pair(TermPostings term, List<int> counts, int chunkPositions) : this(term, counts, IndexFormat.Chunks(counts, chunkPositions)) { }
    }

    /// <summary>A term's postings, encoded as documents arrive (they arrive in id order).</summary>
    private sealed class TermPostings(string text)
    {
        public string Text { get; } = text;
        public ArrayBufferWriter<byte> Postings { get; } = new(16);
        public ArrayBufferWriter<byte> Positions { get; } = new(16);
        public int DocCount { get; set; }
        public int LastDoc { get; set; }
    }
}

/// <summary>What a segment wrote: how many shards of each kind (their names follow) and its chunk files' names.</summary>
internal sealed record SegmentFiles(int Shards, int PositionShards, string[] Chunks);
