using System.Text;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// Writes the term dictionary: for every term, the segments that have it, with its document count and best
/// score in each, in shards by term hash (see FORMAT.md). A query reads it first, so it opens the segments that
/// have every part and can still reach the page, and no others: at 100,000 reports, reading every segment's
/// counts of a common pair was half of what a query downloaded.
/// </summary>
internal static class TermDictionary
{
    /// <summary>
    /// Smaller than the count shards' 8 KB: a query reads one dictionary shard per term, and a term's entry
    /// is a few bytes a segment. (At 10,000 reports, 8 KB shards were 19 KB of a median query's 280.)
    /// </summary>
    private const int TargetShardBytes = 4 * 1024;

    /// <summary>Writes the shards, named by <paramref name="generation"/>, unless <paramref name="reuse"/> takes them all from the last build; returns how many.</summary>
    /// <param name="segments">Each segment's summary, in segment order.</param>
    /// <param name="only">The terms to write, each whether or not a segment has it (an entry of no segments); null: every term a segment has.</param>
    public static int Write(IReadOnlyList<TermSummary> segments, string generation, Func<IReadOnlyList<string>, bool> reuse, Action<string, string> write,
        IReadOnlyList<long>? only = null)
    {
        var (keys, starts, entries) = Gather(segments, only);
        var count = Math.Clamp((int)Math.Ceiling((entries.Length * 4L + keys.Length * 8L) / (double)TargetShardBytes), 1, 1 << 20);
        if (reuse(Enumerable.Range(0, count).Select(k => $"{IndexFormat.Folder}/{IndexFormat.DictionaryName(k, generation)}").ToList())) return count;
        var texts = keys.Select(DocumentTerms.Text).ToArray();
        var byShard = Enumerable.Range(0, texts.Length).ToLookup(t => IndexFormat.ShardOf(texts[t], count));
        Parallel.For(0, count, k =>
        {
            var name = IndexFormat.DictionaryName(k, generation);
            var terms = byShard[k].OrderBy(t => texts[t], StringComparer.Ordinal).ToList();
            using var bytes = new MemoryStream();
            IndexFormat.WriteVarint(bytes, terms.Count);
            foreach (var t in terms)
            {
                var utf8 = Encoding.UTF8.GetBytes(texts[t]);
                IndexFormat.WriteVarint(bytes, utf8.Length);
                bytes.Write(utf8);
                IndexFormat.WriteVarint(bytes, starts[t + 1] - starts[t]);
                var previous = 0;
                foreach (var (segment, documents, bound) in entries.AsSpan(starts[t]..starts[t + 1]))
                {
                    IndexFormat.WriteVarint(bytes, segment - previous);
                    IndexFormat.WriteVarint(bytes, documents);
                    IndexFormat.WriteVarint(bytes, bound);
                    previous = segment;
                }
            }
            write($"{IndexFormat.Folder}/{name}", IndexFormat.NamedScript(IndexFormat.Dictionary, name, IndexFormat.Packed(bytes.ToArray())));
        });
        return count;
    }

    /// <summary>Every distinct term, and its entries (segment, documents, bound) in segment order: term t's are entries[starts[t]..starts[t+1]].</summary>
    private static (long[] Keys, int[] Starts, (int, int, int)[] Entries) Gather(IReadOnlyList<TermSummary> segments, IReadOnlyList<long>? only)
    {
        var numberOf = new Dictionary<long, int>();
        var counts = new List<int>();
        foreach (var key in only ?? [])
        {
            numberOf[key] = counts.Count;
            counts.Add(0);
        }
        foreach (var summary in segments)
        {
            foreach (var key in summary.Keys)
            {
                if (!numberOf.TryGetValue(key, out var number))
                {
                    if (only is not null) continue;
                    numberOf[key] = number = counts.Count;
                    counts.Add(0);
                }
                counts[number]++;
            }
        }
        var starts = new int[counts.Count + 1];
        for (var t = 0; t < counts.Count; t++) starts[t + 1] = checked(starts[t] + counts[t]);
        var at = (int[])starts.Clone();
        var entries = new (int, int, int)[starts[^1]];
        for (var s = 0; s < segments.Count; s++)
            for (var i = 0; i < segments[s].Keys.Length; i++)
                if (numberOf.TryGetValue(segments[s].Keys[i], out var number)) entries[at[number]++] = (s, segments[s].DocCounts[i], segments[s].Bounds[i]);
        var keys = new long[counts.Count];
        foreach (var (key, number) in numberOf) keys[number] = key;
        return (keys, starts, entries);
    }
}
