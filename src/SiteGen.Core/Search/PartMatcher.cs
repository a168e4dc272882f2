namespace SiteGen.Search;

/// <summary>
/// One part of a query, read from the index. Its candidates are the documents holding every pair of its
/// units in one field, each with a bound on the part's count per field: the least count of its pairs there,
/// since every match holds each pair once. A part of one or two units is one term, and its counts are exact.
/// A longer part is counted exactly only for the documents a query checks, from the covering pairs' positions.
/// </summary>
internal sealed class PartMatcher
{
    private readonly SearchIndexReader _index;
    private readonly PostingList[] _covering = [];
    private readonly int[] _offsets = [];
    private readonly Dictionary<int, int[]> _exact = [];

    public PartMatcher(SearchIndexReader index, QueryPart part)
    {
        _index = index;
        var units = part.Units;
        if (units.Count <= 2)
        {
            foreach (var p in index.Postings(string.Concat(units)).Postings) Bounds[p.Doc] = p.Counts;
            return;
        }
        var pairs = Enumerable.Range(0, units.Count - 1).Select(i => index.Postings(units[i] + units[i + 1])).ToList();
        _offsets = QueryEngine.CoveringPairs(units.Count);
        _covering = _offsets.Select(o => pairs[o]).ToArray();
        var rarest = pairs.MinBy(p => p.Postings.Count)!;
        foreach (var posting in rarest.Postings)
        {
            var bound = (int[])posting.Counts.Clone();
            foreach (var pair in pairs)
            {
                var counts = pair.Find(posting.Doc)?.Counts;
                for (var f = 0; f < 3; f++) bound[f] = counts is null ? 0 : Math.Min(bound[f], counts[f]);
            }
            if (bound.Any(n => n > 0)) Bounds[posting.Doc] = bound;
        }
    }

    /// <summary>Candidates, in id order, with the most the part can occur in each field (exact for one or two units).</summary>
    public Dictionary<int, int[]> Bounds { get; } = [];

    /// <summary>Whether counting the part in the document needs positions.</summary>
    public bool NeedsPositions(int doc) => _covering.Length > 0 && Bounds.ContainsKey(doc);

    /// <summary>Whether counting it reads a chunk file: positions in position shards are read with the part.</summary>
    public bool NeedsChunk(int doc) => NeedsPositions(doc) && _covering.Any(pair => pair.InChunk(doc));

    /// <summary>How often the part's units stand in a row in each field of the document.</summary>
    public int[] Count(int doc)
    {
        if (!Bounds.TryGetValue(doc, out var bound)) return [0, 0, 0];
        if (_covering.Length == 0) return bound;
        if (_exact.TryGetValue(doc, out var known)) return known;
        var positions = _covering.Select(pair => _index.Positions(pair, doc)).ToArray();
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
