using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// The postings of one segment: every term of its documents, with ids counted from the segment's start,
/// held until its last document arrives and then written as shards of about <see cref="TargetShardBytes"/>.
/// Only one segment's postings are in memory at a time, however large the archive.
/// </summary>
/// <remarks>
/// Documents are kept as they arrive, encoded, and each term's postings are laid out only at the end, in
/// two passes over them into one block of bytes. Appending to a buffer per term, as documents came, made
/// 1.5 million small objects a segment and took 40 of a cold build's 90 seconds (10,000 reports), all on
/// the one thread that takes documents in order.
/// </remarks>
internal sealed class SegmentWriter(int chunkPositions, double[] typicalLengths)
{
    private const int TargetShardBytes = 8 * 1024;
    private readonly Dictionary<long, int> _numberOf = new();
    private readonly List<long> _keys = [];
    private readonly List<int> _docCounts = [];
    private readonly List<Document> _documents = [];

    private readonly List<int[]> _lengths = [];

    /// <summary>
    /// A document's entries and positions, one after another, and the number of each entry's term. Its key is let go
    /// (8 bytes an entry), and so are where each entry and its positions start (8 more): the entries are read in
    /// order, each saying how long it is. An entry a segment holds costs 4 bytes besides its data where it took 12.
    /// </summary>
    private readonly record struct Document(byte[] Bytes, byte[] Positions, int[] Numbers);

    /// <summary>Adds the next document of the segment.</summary>
    public void Add(DocumentTerms.Encoded terms)
    {
        var numbers = new int[terms.Keys.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numberOf, terms.Keys[i], out var known);
            if (!known)
            {
                number = _keys.Count;
                _keys.Add(terms.Keys[i]);
                _docCounts.Add(0);
            }
            numbers[i] = number;
            CollectionsMarshal.AsSpan(_docCounts)[number]++;
        }
        _documents.Add(new Document(terms.Bytes, terms.Positions, numbers));
        _lengths.Add(terms.Lengths);
    }

    /// <summary>
    /// Writes the shards and chunks, named by <paramref name="generation"/>; returns how many shards of each
    /// kind, the chunk files' names, and what the term dictionary needs of each term.
    /// </summary>
    public SegmentFiles Finish(Action<string, string> write, string generation)
    {
        var terms = LayOut();
        // Laid out, the documents are no longer needed: what follows allocates as much again in files.
        _documents.Clear();
        var summary = Summarize(terms);
        var shards = WriteShards(IndexFormat.Shard, terms.Select(t => (t.Text, t.DocCount, t.Postings)), write, generation);
        var pairs = terms.Where(t => t.Positions.Length > 0).Select(MakePair).ToList();
        var rare = pairs.Where(p => p.Chunks is null).ToArray();
        var coded = new ReadOnlyMemory<byte>[rare.Length];
        Parallel.For(0, rare.Length, i => coded[i] = Coded(rare[i].Term, Members(rare[i].Term), Enumerable.Range(0, rare[i].Term.DocCount)));
        var positionShards = WriteShards(IndexFormat.PositionShard, rare.Select((p, i) => (p.Term.Text, p.Term.DocCount, coded[i])), write, generation);
        var chunks = WriteChunks(pairs.Where(p => p.Chunks is not null).ToList(), write, generation);
        Clear();
        return new SegmentFiles(shards, positionShards, chunks, summary);
    }

    /// <summary>
    /// What <see cref="Finish"/> would return but the chunks' names, worked out in one pass over the documents' entries,
    /// laying out and writing nothing: the segment a cold build makes of a patched segment's documents, which its
    /// readers count by. Laying the segment out to learn this took a rebuild after one edit 1.4–2.2 s (10,000 reports).
    /// </summary>
    public SegmentFiles Measure()
    {
        var count = _keys.Count;
        var (postingBytes, last, best) = (new long[count], new int[count], new double[count]);
        var (positions, positionBits) = (new long[count], new long[count]);
        var counts = new int[3];
        ForEachEntry((id, number, entry, gaps) =>
        {
            ReadEntry(entry, 0, counts);
            postingBytes[number] += IndexFormat.VarintLength(id - last[number]) + entry.Length;
            last[number] = id;
            best[number] = Math.Max(best[number], Score(id, counts));
            if (gaps.IsEmpty) return; // a unit: no positions
            for (int f = 0, at = 0; f < 3; f++)
            {
                if (counts[f] == 0) continue;
                var parameter = PositionCode.Parameter(counts[f], _lengths[id][f]);
                for (var k = 0; k < counts[f]; k++) positionBits[number] += PositionCode.Bits(IndexFormat.ReadVarint(gaps, ref at), parameter);
                positions[number] += counts[f];
            }
        });
        long shardBytes = 0, positionShardBytes = 0;
        for (var t = 0; t < count; t++)
        {
            shardBytes += postingBytes[t] + ShardEntryBytes;
            // A rare pair's positions are one run of bits in its position shard, padded to a whole byte at its end.
            if (positions[t] > 0 && !IndexFormat.IsChunked(positions[t], chunkPositions)) positionShardBytes += (positionBits[t] + 7) / 8 + ShardEntryBytes;
        }
        var summary = new TermSummary(_keys.ToArray(), _docCounts.ToArray(), best.Select(Bm25.StoredBound).ToArray());
        Clear();
        return new SegmentFiles(ShardCount(shardBytes), ShardCount(positionShardBytes), [], summary);
    }

    private void Clear()
    {
        _documents.Clear();
        _numberOf.Clear();
        _keys.Clear();
        _docCounts.Clear();
        _lengths.Clear();
    }

    /// <summary>Each term's documents in the segment and the best score, before idf, that any of them gives it.</summary>
    private TermSummary Summarize(List<TermPostings> terms)
    {
        var bounds = new int[terms.Count];
        Parallel.For(0, terms.Count, t => bounds[t] = Bm25.StoredBound(BestScore(terms[t].Postings.Span)));
        return new TermSummary(_keys.ToArray(), _docCounts.ToArray(), bounds);
    }

    private double BestScore(ReadOnlySpan<byte> postings)
    {
        var best = 0.0;
        ForEachPosting(postings, (id, counts) => best = Math.Max(best, Score(id, counts)));
        return best;
    }

    private double Score(int id, int[] counts) => Bm25.BeforeIdf(IndexFormat.Weights, counts, _lengths[id], typicalLengths);

    private delegate void PostingAction(int id, int[] counts);

    /// <summary>A term's documents in id order, each with its counts per field (in one array, reused: copy what is kept).</summary>
    private static void ForEachPosting(ReadOnlySpan<byte> postings, PostingAction action)
    {
        var counts = new int[3];
        for (int at = 0, id = 0; at < postings.Length;)
        {
            id += IndexFormat.ReadVarint(postings, ref at);
            at = ReadEntry(postings, at, counts);
            action(id, counts);
        }
    }

    /// <summary>Reads an entry (field mask, then a count per field set) at <paramref name="at"/> into <paramref name="counts"/>; returns where it ends.</summary>
    private static int ReadEntry(ReadOnlySpan<byte> bytes, int at, int[] counts)
    {
        var mask = IndexFormat.ReadVarint(bytes, ref at);
        for (var f = 0; f < 3; f++) counts[f] = (mask & (1 << f)) != 0 ? IndexFormat.ReadVarint(bytes, ref at) : 0;
        return at;
    }

    /// <summary>Every term's postings (id delta, then its entry, for each document) and positions, each in one run of bytes.</summary>
    private List<TermPostings> LayOut()
    {
        var count = _keys.Count;
        var (postingStarts, positionStarts) = (new int[count + 1], new int[count + 1]);
        var last = new int[count];
        ForEachEntry((id, number, entry, positions) =>
        {
            postingStarts[number + 1] += IndexFormat.VarintLength(id - last[number]) + entry.Length;
            positionStarts[number + 1] += positions.Length;
            last[number] = id;
        });
        for (var t = 0; t < count; t++)
        {
            // A segment is at most a few thousand reports, each at most 5 MB: past 2 GB, fail rather than wrap.
            postingStarts[t + 1] = checked(postingStarts[t + 1] + postingStarts[t]);
            positionStarts[t + 1] = checked(positionStarts[t + 1] + positionStarts[t]);
        }

        // Not zeroed first: the second pass fills every byte.
        var (postings, positionBytes) = (GC.AllocateUninitializedArray<byte>(postingStarts[count]), GC.AllocateUninitializedArray<byte>(positionStarts[count]));
        var (postingAt, positionAt) = ((int[])postingStarts.Clone(), (int[])positionStarts.Clone());
        Array.Clear(last);
        ForEachEntry((id, number, entry, positions) =>
        {
            postingAt[number] += IndexFormat.WriteVarint(postings.AsSpan(postingAt[number]), id - last[number]);
            entry.CopyTo(postings.AsSpan(postingAt[number]));
            postingAt[number] += entry.Length;
            positions.CopyTo(positionBytes.AsSpan(positionAt[number]));
            positionAt[number] += positions.Length;
            last[number] = id;
        });

        var terms = new List<TermPostings>(count);
        for (var t = 0; t < count; t++)
            terms.Add(new TermPostings(DocumentTerms.Text(_keys[t]), _docCounts[t],
                postings.AsMemory(postingStarts[t]..postingStarts[t + 1]), positionBytes.AsMemory(positionStarts[t]..positionStarts[t + 1])));
        return terms;
    }

    private delegate void EntryAction(int id, int number, ReadOnlySpan<byte> entry, ReadOnlySpan<byte> positions);

    /// <summary>
    /// Every document's entries in document order: its id, the term's number, its entry and its positions. An entry
    /// is its field mask and a count per field set; a pair's positions are as many varints as its counts add up to.
    /// </summary>
    private void ForEachEntry(EntryAction action)
    {
        var counts = new int[3];
        for (var id = 0; id < _documents.Count; id++)
        {
            var (bytes, positions, numbers) = _documents[id];
            int at = 0, positionAt = 0;
            foreach (var number in numbers)
            {
                var (start, positionStart) = (at, positionAt);
                at = ReadEntry(bytes, at, counts);
                var occurrences = counts[0] + counts[1] + counts[2];
                if (DocumentTerms.IsPair(_keys[number]))
                    for (; occurrences > 0; occurrences--) while (positions[positionAt++] >= 0x80) { }
                action(id, number, bytes.AsSpan(start..at), positions.AsSpan(positionStart..positionAt));
            }
        }
    }

    /// <summary>A pair with how many positions each of its documents has, and how its chunks hold them.</summary>
    private Pair MakePair(TermPostings term)
    {
        var positions = new List<int>(term.DocCount);
        ForEachPosting(term.Postings.Span, (_, counts) => positions.Add(counts[0] + counts[1] + counts[2]));
        // Scored only when chunked, as the readers do: most pairs fit in their position shard.
        List<double>? scores = null;
        return new Pair(term, positions, IndexFormat.Chunks(positions, i => (scores ??= Scores(term))[i], chunkPositions));
    }

    private List<double> Scores(TermPostings term)
    {
        var scores = new List<double>(term.DocCount);
        ForEachPosting(term.Postings.Span, (id, counts) => scores.Add(Score(id, counts)));
        return scores;
    }

    /// <summary>Cuts each common pair's positions into its chunks, each document's positions in the chunks' order, and writes them by file.</summary>
    private string[] WriteChunks(List<Pair> pairs, Action<string, string> write, string generation)
    {
        // Coded on every core, then gathered by file in the pairs' order, so files do not depend on threads.
        var pieces = new List<(string File, string Term, int Count, ReadOnlyMemory<byte> Data)>[pairs.Count];
        Parallel.For(0, pairs.Count, p =>
        {
            var (term, _, layout) = pairs[p];
            var (members, (order, chunkOf)) = (Members(term), (layout!.Order, layout.ChunkOf));
            pieces[p] = [];
            for (var first = 0; first < order.Length;)
            {
                var end = first;
                while (end < order.Length && chunkOf[order[end]] == chunkOf[order[first]]) end++;
                pieces[p].Add((IndexFormat.ChunkName(term.Text, chunkOf[order[first]], generation), term.Text, end - first, Coded(term, members, order[first..end])));
                first = end;
            }
        });
        var files = new SortedDictionary<string, List<(string, int, ReadOnlyMemory<byte>)>>(StringComparer.Ordinal);
        foreach (var (file, term, count, data) in pieces.SelectMany(p => p))
        {
            if (!files.TryGetValue(file, out var list)) files[file] = list = [];
            list.Add((term, count, data));
        }
        Parallel.ForEach(files, file => WriteScript(IndexFormat.Chunk, file.Key, file.Value, write));
        return files.Keys.ToArray();
    }

    /// <summary>A pair's documents in id order: each one's id, its counts per field (three a document) and where its positions start.</summary>
    private sealed record PairMembers(int[] Ids, int[] Counts, int[] Starts);

    private static PairMembers Members(TermPostings term)
    {
        var (ids, counts, starts) = (new int[term.DocCount], new int[3 * term.DocCount], new int[term.DocCount]);
        var (i, at) = (0, 0);
        ForEachPosting(term.Postings.Span, (id, fields) =>
        {
            (ids[i], starts[i]) = (id, at);
            for (var f = 0; f < 3; f++)
                for (var k = counts[3 * i + f] = fields[f]; k > 0; k--) IndexFormat.ReadVarint(term.Positions.Span, ref at);
            i++;
        });
        return new PairMembers(ids, counts, starts);
    }

    /// <summary>
    /// The positions of some of a pair's documents (by their index in id order), in that order, as the files hold them
    /// (<see cref="PositionCode"/>); documents keep them as varints, which the cache stores.
    /// </summary>
    private byte[] Coded(TermPostings term, PairMembers members, IEnumerable<int> indices)
    {
        var bits = new PositionCode.Writer();
        var positions = term.Positions.Span;
        foreach (var i in indices)
        {
            var (at, lengths) = (members.Starts[i], _lengths[members.Ids[i]]);
            for (var f = 0; f < 3; f++)
            {
                var count = members.Counts[3 * i + f];
                if (count == 0) continue;
                var parameter = PositionCode.Parameter(count, lengths[f]);
                for (var k = 0; k < count; k++) bits.Write(IndexFormat.ReadVarint(positions, ref at), parameter);
            }
        }
        return bits.Finish();
    }

    /// <summary>
    /// Writes terms' data in shards by term hash; returns how many. Documents and counts go in one set,
    /// pairs' positions in another: only parts of three or more units read positions.
    /// </summary>
    private static int WriteShards(string kind, IEnumerable<(string Term, int DocCount, ReadOnlyMemory<byte> Data)> terms,
        Action<string, string> write, string generation)
    {
        var list = terms.ToList();
        var count = ShardCount(list.Sum(t => (long)t.Data.Length + ShardEntryBytes));
        var byShard = list.ToLookup(t => IndexFormat.ShardOf(t.Term, count));
        Parallel.For(0, count, k => WriteScript(kind, IndexFormat.ShardName(kind, k, generation), byShard[k], write));
        return count;
    }

    /// <summary>What a term is counted to cost a shard besides its data, when shards are counted.</summary>
    private const int ShardEntryBytes = 8;

    /// <summary>How many shards hold terms of these bytes (their data and <see cref="ShardEntryBytes"/> each): about <see cref="TargetShardBytes"/> a shard.</summary>
    private static int ShardCount(long bytes) => (int)Math.Clamp(Math.Ceiling(bytes / (double)TargetShardBytes), 1, 1 << 20);

    // Files are encoded and written on every core: a rebuild after one edit remakes its segment's 12,000 files.
    private static void WriteScript(string kind, string name, IEnumerable<(string Term, int DocCount, ReadOnlyMemory<byte> Data)> terms,
        Action<string, string> write) =>
        write($"{IndexFormat.Folder}/{name}", IndexFormat.NamedScript(kind, name,
            IndexFormat.IsPacked(kind) ? IndexFormat.Packed(EncodeShard(terms)) : IndexFormat.Literal(EncodeShard(terms))));

    /// <summary>Terms in ordinal order, each with its document count and data: the layout of shards and chunks alike.</summary>
    private static byte[] EncodeShard(IEnumerable<(string Term, int DocCount, ReadOnlyMemory<byte> Data)> terms)
    {
        var list = terms.OrderBy(t => t.Term, StringComparer.Ordinal).ToList();
        // Measured first and written into an array of that size: grown as a stream, a segment's shards allocated twice their size.
        var size = IndexFormat.VarintLength(list.Count);
        foreach (var (term, docCount, data) in list)
        {
            var utf8 = Encoding.UTF8.GetByteCount(term);
            size += IndexFormat.VarintLength(utf8) + utf8 + IndexFormat.VarintLength(docCount) + IndexFormat.VarintLength(data.Length) + data.Length;
        }
        var bytes = new byte[size];
        var at = IndexFormat.WriteVarint(bytes, list.Count);
        foreach (var (term, docCount, data) in list)
        {
            at += IndexFormat.WriteVarint(bytes.AsSpan(at), Encoding.UTF8.GetByteCount(term));
            at += Encoding.UTF8.GetBytes(term, bytes.AsSpan(at));
            at += IndexFormat.WriteVarint(bytes.AsSpan(at), docCount);
            at += IndexFormat.WriteVarint(bytes.AsSpan(at), data.Length);
            data.Span.CopyTo(bytes.AsSpan(at));
            at += data.Length;
        }
        return bytes;
    }

    /// <summary>A pair term with how many positions each of its documents has, and their chunks (null: few enough for the position shard).</summary>
    private sealed record Pair(TermPostings Term, List<int> Counts, IndexFormat.ChunkLayout? Chunks);

    /// <summary>A term's postings and positions as the segment's files hold them.</summary>
    private sealed record TermPostings(string Text, int DocCount, ReadOnlyMemory<byte> Postings, ReadOnlyMemory<byte> Positions);
}

/// <summary>What a segment wrote: how many shards of each kind (their names follow), its chunk files' names, and its terms' summary.</summary>
internal sealed record SegmentFiles(int Shards, int PositionShards, string[] Chunks, TermSummary Terms);
