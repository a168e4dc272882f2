using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// The postings of one segment: every term of its documents, with ids counted from the segment's start,
/// held until its last document arrives and then written as shards of about <see cref="TargetShardBytes"/>.
/// Only one segment's postings are in memory at a time, however large the archive.
/// </summary>
internal sealed class SegmentWriter
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

    /// <summary>Writes the shards, named by <paramref name="generation"/>; returns how many of each kind.</summary>
    public (int Shards, int PositionShards) Finish(Action<string, string> write, string generation)
    {
        var shards = WriteShards(IndexFormat.Shard, _terms.Values, t => t.Postings, write, generation);
        var positionShards = WriteShards(IndexFormat.PositionShard, _terms.Values.Where(t => t.Positions.WrittenCount > 0), t => t.Positions, write, generation);
        _terms.Clear();
        return (shards, positionShards);
    }

    /// <summary>
    /// Writes terms' data in shards by term hash; returns how many. Documents and counts go in one set,
    /// pairs' positions in another: only parts of three or more units read positions.
    /// </summary>
    private static int WriteShards(string kind, IEnumerable<TermPostings> terms, Func<TermPostings, ArrayBufferWriter<byte>> data,
        Action<string, string> write, string generation)
    {
        var list = terms.ToList();
        var count = Math.Clamp((int)Math.Ceiling(list.Sum(t => data(t).WrittenCount + 8) / (double)TargetShardBytes), 1, 1 << 20);
        var byShard = list.ToLookup(t => IndexFormat.ShardOf(t.Text, count));
        for (var k = 0; k < count; k++)
        {
            var bytes = EncodeShard(byShard[k].OrderBy(t => t.Text, StringComparer.Ordinal).Select(t => (t.Text, t.DocCount, data(t))));
            var name = IndexFormat.ShardName(kind, k, generation);
            write($"{IndexFormat.Folder}/{name}", IndexFormat.NamedScript(kind, name, $"\"{Convert.ToBase64String(bytes)}\""));
        }
        return count;
    }

    private static byte[] EncodeShard(IEnumerable<(string Term, int DocCount, ArrayBufferWriter<byte> Data)> terms)
    {
        var list = terms.ToList();
        using var bytes = new MemoryStream();
        IndexFormat.WriteVarint(bytes, list.Count);
        foreach (var (term, docCount, data) in list)
        {
            var utf8 = Encoding.UTF8.GetBytes(term);
            IndexFormat.WriteVarint(bytes, utf8.Length);
            bytes.Write(utf8);
            IndexFormat.WriteVarint(bytes, docCount);
            IndexFormat.WriteVarint(bytes, data.WrittenCount);
            bytes.Write(data.WrittenSpan);
        }
        return bytes.ToArray();
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
