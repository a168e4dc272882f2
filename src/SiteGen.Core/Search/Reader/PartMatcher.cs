using SiteGen.Search.Format;

namespace SiteGen.Search.Reader;

/// <summary>
/// One part of a query, read from the index segment by segment. The dictionary says, before any segment is
/// read, which segments can hold it and how well it can score there. In a segment that is read, its
/// candidates are the documents holding every pair of its units in one field, each with a bound on the
/// part's count per field: the least count of its pairs there, since every match holds each pair once. A
/// part of one or two units is one term (or two, below), and its counts are exact. A longer part is counted
/// exactly only for the documents a query checks, from the covering pairs' positions.
/// Where the query has a break between two units, the text may have one there or not: that pair is
/// matched by two terms, its tight and its broken form (<see cref="IndexFormat.PairTerms"/>), whose counts add
/// up and whose positions merge.
/// </summary>
internal sealed class PartMatcher
{
    private readonly SearchIndexReader _index;
    private readonly string[][] _pairs;
    private readonly TermStats[] _stats;
    private readonly int[] _offsets = [];
    private readonly Dictionary<int, PostingList[][]> _covering = [];
    private readonly Dictionary<int, int[]> _exact = [];

    public PartMatcher(SearchIndexReader index, QueryPart part)
    {
        _index = index;
        _pairs = IndexFormat.PartTerms(part.Units);
        if (part.Units.Count > 2) _offsets = QueryEngine.CoveringPairs(part.Units.Count);
        _stats = _pairs.Select(terms => TermStats.Sum(terms.Select(index.Stats))).ToArray();
        Documents = Math.Min(index.Count, _stats.Min(s => s.Documents));
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
        var lists = _pairs.Select(terms => terms.Select(t => _index.Postings(t, segment)).ToArray()).ToArray();
        if (_offsets.Length > 0) _covering[segment] = _offsets.Select(o => lists[o]).ToArray();
        var counts = lists.Select(terms => new PairCounts(terms)).ToArray();
        var rarest = counts.MinBy(c => c.Count)!;
        var found = new List<int>();
        foreach (var doc in rarest.Docs)
        {
            var bound = (int[])rarest.Of(doc)!.Clone();
            foreach (var pair in counts)
            {
                var other = pair.Of(doc);
                for (var f = 0; f < 3; f++) bound[f] = other is null ? 0 : Math.Min(bound[f], other[f]);
            }
            if (bound.Any(n => n > 0))
            {
                Bounds[doc] = bound;
                found.Add(doc);
            }
        }
        return found;
    }

    /// <summary>
    /// A pair's count per field in each document that has it: its term's postings as they are, or, for a pair
    /// read as two terms (a break in the query), their sums.
    /// </summary>
    private sealed class PairCounts
    {
        private readonly PostingList[] _terms;
        private readonly Dictionary<int, int[]>? _sums;

        public PairCounts(PostingList[] terms)
        {
            _terms = terms;
            if (terms.Length == 1) return;
            _sums = [];
            foreach (var posting in terms.SelectMany(list => list.Postings))
            {
                if (!_sums.TryGetValue(posting.Doc, out var sum)) _sums[posting.Doc] = sum = new int[3];
                for (var f = 0; f < 3; f++) sum[f] += posting.Counts[f];
            }
        }

        public int Count => _sums?.Count ?? _terms[0].Postings.Count;

        /// <summary>The documents, in id order.</summary>
        public IEnumerable<int> Docs => _sums is null ? _terms[0].Postings.Select(p => p.Doc) : _sums.Keys.Order();

        public int[]? Of(int doc) => _sums is null ? _terms[0].Find(doc)?.Counts : _sums.GetValueOrDefault(doc);
    }

    /// <summary>Whether counting the part in the document needs positions.</summary>
    public bool NeedsPositions(int doc) => _offsets.Length > 0 && Bounds.ContainsKey(doc);

    /// <summary>Whether counting it reads a chunk file: positions in position shards are read with the part.</summary>
    public bool NeedsChunk(int doc) => NeedsPositions(doc) && Covering(doc).Any(pair => pair.Any(term => term.InChunk(doc)));

    private PostingList[][] Covering(int doc) => _covering[_index.SegmentOf(doc)];

    /// <summary>
    /// The files counting the part in the document reads: its covering pairs' position groups, whether or not an
    /// earlier query has read them, so that what a query counts does not depend on the queries before it.
    /// </summary>
    public IEnumerable<string> PositionFiles(int doc) => !NeedsPositions(doc) ? [] :
        Covering(doc).SelectMany(pair => pair).Select(list => list.Find(doc) is { } posting ? list.GroupOf(posting).File : null)
            .OfType<string>();

    /// <summary>The part's terms that reading a segment loads the counts of.</summary>
    public IEnumerable<string> Terms => _pairs.SelectMany(terms => terms);

    /// <summary>How often the part's units stand in a row in each field of the document.</summary>
    public int[] Count(int doc)
    {
        if (!Bounds.TryGetValue(doc, out var bound)) return [0, 0, 0];
        if (_offsets.Length == 0) return bound;
        if (_exact.TryGetValue(doc, out var known)) return known;
        var positions = Covering(doc).Select(pair => Positions(pair, doc)).ToArray();
        var fields = new int[3];
        for (var f = 0; f < 3; f++)
        {
            if (positions.Any(p => p[f].Count == 0)) continue;
            foreach (var p in positions[0][f])
                if (positions.Skip(1).Select((set, k) => set[f].Contains(p + _offsets[k + 1])).All(found => found)) fields[f]++;
        }
        return _exact[doc] = fields;
    }

    /// <summary>Where a pair (any of its terms) starts in each field of the document.</summary>
    private HashSet<int>[] Positions(PostingList[] terms, int doc)
    {
        var fields = new[] { new HashSet<int>(), new HashSet<int>(), new HashSet<int>() };
        foreach (var list in terms)
        {
            if (list.Find(doc) is null) continue;
            var positions = _index.Positions(list, doc);
            for (var f = 0; f < 3; f++)
                if (positions[f] is { } found) fields[f].UnionWith(found);
        }
        return fields;
    }
}
