namespace SiteGen.Search;

/// <summary>
/// One part of a query, read from the index segment by segment. The dictionary says, before any segment is
/// read, which segments can hold it and how well it can score there. In a segment that is read, its
/// candidates are the documents holding every pair of its units in one field, each with a bound on the
/// part's count per field: the least count of its pairs there, since every match holds each pair once. A
/// part of one or two units is one term, and its counts are exact. A longer part is counted exactly only for
/// the documents a query checks, from the covering pairs' positions.
/// </summary>
internal sealed class PartMatcher
{
    private readonly SearchIndexReader _index;
    private readonly string[] _terms;
    private readonly TermStats[] _stats;
    private readonly int[] _offsets = [];
    private readonly Dictionary<int, PostingList[]> _covering = [];
    private readonly Dictionary<int, int[]> _exact = [];

    public PartMatcher(SearchIndexReader index, QueryPart part)
    {
        _index = index;
        var units = part.Units;
        _terms = units.Count <= 2 ? [string.Concat(units)] : Enumerable.Range(0, units.Count - 1).Select(i => units[i] + units[i + 1]).ToArray();
        if (units.Count > 2) _offsets = QueryEngine.CoveringPairs(units.Count);
        _stats = _terms.Select(index.Stats).ToArray();
        Documents = _stats.Min(s => s.Documents);
    }

    /// <summary>The part's document frequency for its idf: its term's, or for a longer part its rarest pair's, which the dictionary tells before any segment is read.</summary>
    public int Documents { get; }

    /// <summary>How many documents of the segment may hold the part: all of them for one or two units.</summary>
    public int DocumentsIn(int segment) => _stats.Min(s => s.DocCounts[segment]);

    /// <summary>The best score before idf the part can give a document of the segment, as stored (<see cref="Bm25.StoredBound"/>).</summary>
    public int BoundIn(int segment) => _stats.Min(s => s.Bounds[segment]);

    /// <summary>Candidates of the segments read so far, with the most the part can occur in each field (exact for one or two units).</summary>
    public Dictionary<int, int[]> Bounds { get; } = [];

    /// <summary>Reads the part's counts in a segment; returns the segment's candidates, in id order.</summary>
    public List<int> Read(int segment)
    {
        var lists = _terms.Select(t => _index.Postings(t, segment)).ToArray();
        if (_offsets.Length > 0) _covering[segment] = _offsets.Select(o => lists[o]).ToArray();
        var found = new List<int>();
        foreach (var posting in lists.MinBy(l => l.Postings.Count)!.Postings)
        {
            var bound = (int[])posting.Counts.Clone();
            foreach (var list in lists)
            {
                var counts = list.Find(posting.Doc)?.Counts;
                for (var f = 0; f < 3; f++) bound[f] = counts is null ? 0 : Math.Min(bound[f], counts[f]);
            }
            if (bound.Any(n => n > 0))
            {
                Bounds[posting.Doc] = bound;
                found.Add(posting.Doc);
            }
        }
        return found;
    }

    /// <summary>Whether counting the part in the document needs positions.</summary>
    public bool NeedsPositions(int doc) => _offsets.Length > 0 && Bounds.ContainsKey(doc);

    /// <summary>Whether counting it reads a chunk file: positions in position shards are read with the part.</summary>
    public bool NeedsChunk(int doc) => NeedsPositions(doc) && Covering(doc).Any(pair => pair.InChunk(doc));

    private PostingList[] Covering(int doc) => _covering[_index.SegmentOf(doc)];

    /// <summary>How often the part's units stand in a row in each field of the document.</summary>
    public int[] Count(int doc)
    {
        if (!Bounds.TryGetValue(doc, out var bound)) return [0, 0, 0];
        if (_offsets.Length == 0) return bound;
        if (_exact.TryGetValue(doc, out var known)) return known;
        var positions = Covering(doc).Select(pair => _index.Positions(pair, doc)).ToArray();
        var fields = new int[3];
        for (var f = 0; f < 3; f++)
        {
            if (positions.Any(p => p[f] is null)) continue;
            var later = positions.Skip(1).Select(p => p[f]!.ToHashSet()).ToArray();
            foreach (var p in positions[0][f]!)
                if (later.Select((set, k) => set.Contains(p + _offsets[k + 1])).All(found => found)) fields[f]++;
        }
        return _exact[doc] = fields;
    }
}
