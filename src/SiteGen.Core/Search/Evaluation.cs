namespace SiteGen.Search;

/// <summary>A document that matches: its score, and whether a part occurs in its body (which its snippet needs).</summary>
internal sealed record Scored(int Doc, double Score, bool InBody);

/// <summary>
/// The documents a query may match, checked only as far as the page asked for needs. Parts of one or two
/// units are exact from their counts. Longer parts are counted from positions: free where a segment keeps
/// them in its position shards, read chunk by chunk where the pairs are common. Those documents are
/// checked in order of the best score they could reach (BM25 grows with the count, and the count is at
/// most the bound), so the page is the one an exhaustive evaluation gives, while the rest stay unchecked:
/// the total and facets are then estimates (see <see cref="Estimate"/>). Mirrors evaluate() in search.js.
/// </summary>
internal sealed class Evaluation
{
    private const double K1 = 1.2, B = 0.75;
    private readonly SearchIndexReader _index;
    private readonly List<PartMatcher> _parts, _excludes;
    private readonly double[] _idf;
    private readonly Dictionary<int, double> _bound = [];
    private readonly Dictionary<int, Scored?> _checked = [];
    private int _checkedMatches;

    public Evaluation(SearchIndexReader index, IReadOnlyList<QueryPart> parts, IReadOnlyList<QueryPart> excludes)
    {
        _index = index;
        _parts = parts.Select(p => new PartMatcher(index, p)).ToList();
        _excludes = excludes.Select(p => new PartMatcher(index, p)).ToList();
        // A phrase's document frequency is its candidates': the same whatever has been checked.
        _idf = _parts.Select(p => Math.Log(1 + (index.Docs.Count - p.Bounds.Count + 0.5) / (p.Bounds.Count + 0.5))).ToArray();
        var docs = _parts.Count > 0
            ? _parts.MinBy(p => p.Bounds.Count)!.Bounds.Keys.Where(d => _parts.All(p => p.Bounds.ContainsKey(d))).Order()
            : Enumerable.Range(0, index.Docs.Count);
        Candidates = docs.Where(d => !_excludes.Any(e => e.Bounds.ContainsKey(d) && !e.NeedsPositions(d))).ToList();
        foreach (var doc in Candidates)
        {
            _bound[doc] = Score(doc, _parts.Select(p => p.Bounds[doc]).ToList());
            if (!_parts.Concat(_excludes).Any(p => p.NeedsChunk(doc))) Check(doc);
        }
    }

    /// <summary>Documents that have every part's pairs and no exclusion for sure, in id order (before filters).</summary>
    public IReadOnlyList<int> Candidates { get; }

    /// <summary>Whether any document may match: false only when every candidate was checked and failed.</summary>
    public bool Possible => Candidates.Any(d => !_checked.TryGetValue(d, out var s) || s is not null);

    /// <summary>
    /// The first <paramref name="need"/> matches of <paramref name="pool"/>, by score (ties: newer first) or by date.
    /// Checks the best-placed unchecked documents until the first <paramref name="need"/> are all checked: an
    /// unchecked one sorts by its bound, which no check can raise, so none below can climb past them.
    /// </summary>
    public List<Scored> Top(IReadOnlyList<int> pool, int need, bool byDate)
    {
        while (true)
        {
            var ranked = pool.Where(d => !_checked.TryGetValue(d, out var s) || s is not null)
                .Select(d => (Doc: d, Key: _checked.TryGetValue(d, out var s) ? s!.Score : _bound[d]));
            var first = (byDate ? ranked.OrderBy(r => r.Doc) : ranked.OrderByDescending(r => r.Key).ThenBy(r => r.Doc)).Take(need).ToList();
            var open = first.Where(r => !_checked.ContainsKey(r.Doc)).ToList();
            if (open.Count == 0) return first.Select(r => _checked[r.Doc]!).ToList();
            foreach (var r in open) Check(r.Doc);
        }
    }

    /// <summary>
    /// How many of <paramref name="docs"/> match: exact when all are checked; else the checked ones' matches
    /// plus the unchecked ones times the share of checked candidates that matched.
    /// </summary>
    public (int Count, bool Estimated) Estimate(IEnumerable<int> docs)
    {
        int matches = 0, open = 0;
        foreach (var doc in docs)
        {
            if (!_checked.TryGetValue(doc, out var s)) open++;
            else if (s is not null) matches++;
        }
        if (open == 0) return (matches, false);
        // Only candidates are ever checked, so the share is over what has been checked so far.
        var share = _checked.Count == 0 ? 1.0 : _checkedMatches / (double)_checked.Count;
        return ((int)Math.Floor(matches + open * share + 0.5), true);
    }

    private void Check(int doc)
    {
        var counts = _parts.Select(p => p.Count(doc)).ToList();
        var match = counts.All(c => c.Any(n => n > 0)) && !_excludes.Any(e => e.Count(doc).Any(n => n > 0));
        _checked[doc] = match ? new Scored(doc, Score(doc, counts), counts.Any(c => c[2] > 0)) : null;
        if (match) _checkedMatches++;
    }

    /// <summary>BM25 with field weights over each part's count per field, rounded to 4 decimals.</summary>
    private double Score(int doc, List<int[]> counts)
    {
        var length = _index.Docs[doc].Length;
        var score = 0.0;
        for (var p = 0; p < counts.Count; p++)
        {
            for (var f = 0; f < 3; f++)
            {
                var tf = counts[p][f];
                if (tf == 0) continue;
                var norm = K1 * (1 - B + B * length[f] / (_index.AverageLength[f] == 0 ? 1 : _index.AverageLength[f]));
                score += _index.Weights[f] * _idf[p] * tf * (K1 + 1) / (tf + norm);
            }
        }
        return Math.Floor(score * 10000 + 0.5) / 10000;
    }
}
