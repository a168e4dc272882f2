using SiteGen.Search.Format;

namespace SiteGen.Search.Reader;

/// <summary>A document that matches: its score, and whether a part occurs in its body (which its snippet needs).</summary>
internal sealed record Scored(int Doc, double Score, bool InBody);

/// <summary>
/// The documents a query may match, read segment by segment and checked only as far as the page asked for
/// needs (mirrors evaluation() in search.js; FORMAT.md has the rules).
/// <list type="bullet">
/// <item>The dictionary says which segments hold every part, and the best score a document of each can reach.
/// Segments are read best first (newest first when sorting by date) until none left unread can reach the page.</item>
/// <item>In a segment read, parts of one or two units are exact from their counts. Longer parts are counted from
/// positions: at once where the segment keeps them in its position shards, else chunk by chunk, in order of
/// the best score a document could reach (BM25 grows with the count, and the count is at most the bound).</item>
/// </list>
/// So the page is the one an exhaustive evaluation gives, while the rest stay unread or unchecked: the total
/// and facets are then estimates (see <see cref="Estimate"/>).
/// </summary>
internal sealed class Evaluation
{
    private readonly SearchIndexReader _index;
    private readonly List<PartMatcher> _parts, _excludes;
    private readonly double[] _idf;
    private readonly bool[] _viable, _read;
    private readonly double[] _segmentBound;
    private readonly List<int> _candidates = [];
    private readonly Dictionary<int, double> _bound = [];
    private readonly Dictionary<int, Scored?> _checked = [];
    private int _checkedMatches;
    private double? _calibration;

    public Evaluation(SearchIndexReader index, IReadOnlyList<QueryPart> parts, IReadOnlyList<QueryPart> excludes)
    {
        _index = index;
        _parts = parts.Select(p => new PartMatcher(index, p)).ToList();
        _excludes = excludes.Select(p => new PartMatcher(index, p)).ToList();
        _idf = _parts.Select(p => Bm25.Idf(index.Count, p.Documents)).ToArray();
        var segments = index.Segments.Count;
        (_viable, _read, _segmentBound) = (new bool[segments], new bool[segments], new double[segments]);
        for (var s = 0; s < segments; s++)
        {
            _viable[s] = _parts.All(p => p.DocumentsIn(s) > 0);
            _segmentBound[s] = SegmentBound(s);
        }
    }

    /// <summary>
    /// No document of the segment can score above this: the sum over parts of idf times the part's stored
    /// bound (rounded up as stored), rounded as scores are: rounding keeps their order, so a score that
    /// the unrounded bound tops is at most the rounded one. Without that, the part of a bound that rounds away
    /// made every segment worth reading for a pair in nearly every report, whose idf is so small that every score rounds alike. 0 for a query of filters alone.
    /// </summary>
    private const double FloatingPointMargin = 1e-9;

    private double SegmentBound(int segment)
    {
        if (_parts.Count == 0) return 0;
        var bound = 0.0;
        for (var p = 0; p < _parts.Count; p++) bound += _idf[p] * _parts[p].BoundIn(segment) / Bm25.BoundScale;
        return Bm25.Round(bound + FloatingPointMargin);
    }

    /// <summary>Documents of the segments read that have every part's pairs and no exclusion for sure, in id order (before filters).</summary>
    public IReadOnlyList<int> Candidates => _candidates.Order().ToList();

    /// <summary>Whether any document matches, with no filters: reads and checks until one does or none can.</summary>
    public bool Possible => Top(Filters.None(_index), 1, byDate: false).Count > 0;

    /// <summary>
    /// The first <paramref name="need"/> matches under the filters, by score (ties: newer first) or by date.
    /// Each round checks the best-placed unchecked documents and reads the segments that could still place a
    /// document among the first <paramref name="need"/> (<see cref="NextReads"/>), until all of those are checked
    /// and no such segment is left. Reading while checking costs nothing more: checks only lower or drop keys (an
    /// unchecked document sorts by its bound), so a segment that could place a document before them still could
    /// after them, and would be read next.
    /// </summary>
    public List<Scored> Top(Filters filters, int need, bool byDate)
    {
        var order = Enumerable.Range(0, _viable.Length).Where(s => _viable[s]);
        order = byDate ? order.ToList() : order.OrderByDescending(s => _segmentBound[s]).ThenBy(s => s).ToList();
        while (true)
        {
            var first = Rank(filters, need, byDate);
            var open = first.Where(r => !_checked.ContainsKey(r.Doc)).ToList();
            var next = filters.Estimable ? NextReads(order, first, filters, need, byDate) : order.Where(s => !_read[s]).ToList();
            if (open.Count == 0 && next.Count == 0) return first.Select(r => _checked[r.Doc]!).ToList();
            foreach (var r in open) Check(r.Doc);
            foreach (var s in next) Read(s);
        }
    }

    /// <summary>
    /// The segments a round reads, in order: the next one that could place a document among the first
    /// <paramref name="need"/>, and after it each one the rounds to come would read whatever they find. Rounds read
    /// the segments in order while fewer than <paramref name="need"/> ranked documents stand before a segment's best;
    /// a segment adds at most <see cref="Most"/> of them, and checks only lower keys, so a segment is read for sure
    /// while those that stand before it now, and all that the segments before it can add, come to fewer. A segment
    /// a round read one at a time (the best one often settles the page); a rare query's segments, all of them needed,
    /// were then a round trip each: 26 rounds for 高要区 at 100,000 reports, 10 this way, reading the same files.
    /// </summary>
    private List<int> NextReads(IEnumerable<int> order, List<(int Doc, double Key)> first, Filters filters, int need, bool byDate)
    {
        var next = new List<int>();
        long ahead = 0;
        foreach (var s in order)
        {
            if (_read[s] || !(filters.Share(s) > 0)) continue;
            if (Blocking(s, first, byDate) + ahead >= need) break;
            next.Add(s);
            ahead += Most(s);
        }
        return next;
    }

    /// <summary>
    /// How many more files counting every match exactly would read (<see cref="Complete"/>): per segment not read
    /// that may hold a match, its columns and its shards of the query's terms; the position files of the
    /// candidates not yet checked, whether or not an earlier query has read them (so the answer does not depend on
    /// what was asked before). The position shards of segments not read are not counted: they are known only once
    /// the segment is.
    /// </summary>
    /// <param name="limit">Counting stops past it: the answer is then only "more than the limit".</param>
    public int CountingCost(int limit)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < _read.Length; s++)
        {
            if (_read[s] || !_viable[s]) continue;
            var info = _index.Segments[s];
            files.Add(IndexFormat.ColumnsName(info.Generation));
            foreach (var term in _parts.Concat(_excludes.Where(e => e.DocumentsIn(s) > 0)).SelectMany(p => p.Terms))
                if (info.Shards > 0) files.Add(IndexFormat.ShardName(IndexFormat.Shard, IndexFormat.ShardOf(term, info.Shards), info.Generation));
        }
        foreach (var doc in _candidates.Where(d => !_checked.ContainsKey(d)))
        {
            if (files.Count > limit) break;
            foreach (var part in _parts.Concat(_excludes)) files.UnionWith(part.PositionFiles(doc));
        }
        return files.Count;
    }

    /// <summary>Reads every segment that may hold a match and checks every candidate: totals and facets are then exact.</summary>
    public void Complete()
    {
        for (var s = 0; s < _read.Length; s++)
            if (!_read[s] && _viable[s]) Read(s);
        foreach (var doc in _candidates.Where(d => !_checked.ContainsKey(d)).ToList()) Check(doc);
    }

    /// <summary>The first <paramref name="need"/> candidates that pass and have not failed a check: checked ones by score, the others by bound.</summary>
    private List<(int Doc, double Key)> Rank(Filters filters, int need, bool byDate)
    {
        var ranked = _candidates.Where(d => (!_checked.TryGetValue(d, out var s) || s is not null) && filters.Passes(d))
            .Select(d => (Doc: d, Key: _checked.TryGetValue(d, out var s) ? s!.Score : _bound[d]));
        return (byDate ? ranked.OrderBy(r => r.Doc) : ranked.OrderByDescending(r => r.Key).ThenBy(r => r.Doc)).Take(need).ToList();
    }

    /// <summary>How many of the ranked stand before any document of the segment could: with all of the first `need`, it places none.</summary>
    private int Blocking(int segment, List<(int Doc, double Key)> first, bool byDate)
    {
        var start = _index.Segments[segment].Start;
        return first.Count(r => byDate ? r.Doc < start : r.Key > _segmentBound[segment] || (r.Key == _segmentBound[segment] && r.Doc < start));
    }

    /// <summary>At most how many candidates reading the segment adds: a candidate holds every part.</summary>
    private int Most(int segment) => _parts.Count > 0 ? _parts.Min(p => p.DocumentsIn(segment)) : _index.Segments[segment].Count;

    /// <summary>Reads a segment: its columns and its parts' counts, and checks the candidates whose positions came with them.</summary>
    private void Read(int segment)
    {
        _read[segment] = true;
        _calibration = null;
        _index.Columns(segment);
        var info = _index.Segments[segment];
        var found = _parts.Select(p => p.Read(segment)).ToList();
        var docs = _parts.Count > 0
            ? found.MinBy(f => f.Count)!.Where(d => _parts.All(p => p.Bounds.ContainsKey(d)))
            : Enumerable.Range(info.Start, info.Count);
        foreach (var e in _excludes.Where(e => e.DocumentsIn(segment) > 0)) e.Read(segment);
        foreach (var doc in docs.Where(d => !_excludes.Any(e => e.Bounds.ContainsKey(d) && !e.NeedsPositions(d))).ToList())
        {
            _candidates.Add(doc);
            _calibration = null;
            _bound[doc] = Score(doc, _parts.Select(p => p.Bounds[doc]).ToList());
            if (!_parts.Concat(_excludes).Any(p => p.NeedsChunk(doc))) Check(doc);
        }
    }

    /// <summary>
    /// How many of <paramref name="docs"/> (of the segments read) and of the segments not read match: exact when
    /// all are checked and none is unread; else the checked ones' matches, plus the unchecked ones times the
    /// share of checked candidates that matched, plus what <paramref name="unread"/> expects.
    /// </summary>
    public (int Count, bool Estimated) Estimate(IEnumerable<int> docs, (double Expected, bool Any) unread)
    {
        int matches = 0, open = 0;
        foreach (var doc in docs)
        {
            if (!_checked.TryGetValue(doc, out var s)) open++;
            else if (s is not null) matches++;
        }
        if (open == 0 && !unread.Any) return (matches, false);
        return ((int)Math.Floor(matches + open * Share + unread.Expected + 0.5), true);
    }

    /// <summary>Only candidates are ever checked, so the share is over what has been checked so far.</summary>
    private double Share => _checked.Count == 0 ? 1.0 : _checkedMatches / (double)_checked.Count;

    /// <summary>
    /// The matches expected in the segments not read that hold every part, under every filter but
    /// <paramref name="skip"/> and with <paramref name="value"/> in <paramref name="column"/> if given: per
    /// segment, its <see cref="Predicted"/> matches, scaled by how the segments read compare with theirs
    /// (<see cref="Calibration"/>), times the filters' shares of its documents.
    /// </summary>
    public (double Expected, bool Any) Unread(Filters filters, string? skip = null, string? column = null, string? value = null)
    {
        var (expected, any, calibration) = (0.0, false, _calibration ??= Calibration());
        for (var s = 0; s < _read.Length; s++)
        {
            if (_read[s] || !_viable[s]) continue;
            var share = filters.Share(s, skip);
            if (share == 0) continue;
            var e = Predicted(s);
            e *= calibration;
            e *= share;
            if (column is not null) e *= filters.Share(s, column, value!);
            expected += e;
            any = true;
        }
        return (expected, any);
    }

    /// <summary>
    /// What the dictionary alone predicts a segment holds: its documents times each part's share of them,
    /// times one minus each exclusion's, as if all were independent. For a phrase the share is its rarest
    /// pair's, which overcounts; parts that go together undercount.
    /// </summary>
    private double Predicted(int segment)
    {
        double n = _index.Segments[segment].Count, e = n;
        foreach (var p in _parts) e *= p.DocumentsIn(segment) / n;
        foreach (var x in _excludes) e *= 1 - x.DocumentsIn(segment) / n;
        return e;
    }

    /// <summary>
    /// The matches of the segments read (the unchecked counted at the share of checks that matched) over
    /// what <see cref="Predicted"/> says of them: the segments not read are assumed to be alike. (Without it,
    /// 安经开〔2018〕7号 was estimated at 3,713 reports of 10,000 where 810 match.) Kept until the next read or check:
    /// facets ask for it once per value.
    /// </summary>
    private double Calibration()
    {
        var predicted = 0.0;
        for (var s = 0; s < _read.Length; s++)
            if (_read[s]) predicted += Predicted(s);
        if (predicted == 0) return Share;
        var (matches, open) = (_checkedMatches, _candidates.Count(d => !_checked.ContainsKey(d)));
        return (matches + open * Share) / predicted;
    }

    /// <summary>The values of a column that the segments not read, holding every part, have.</summary>
    public IEnumerable<string> UnreadValues(string column) =>
        Enumerable.Range(0, _read.Length).Where(s => !_read[s] && _viable[s])
            .SelectMany(s => _index.Segments[s].ValueCounts[column].Where((_, i) => i % 2 == 0))
            .Select(v => _index.Value(column, v)!);

    private void Check(int doc)
    {
        var counts = _parts.Select(p => p.Count(doc)).ToList();
        var match = counts.All(c => c.Any(n => n > 0)) && !_excludes.Any(e => e.Count(doc).Any(n => n > 0));
        _checked[doc] = match ? new Scored(doc, Score(doc, counts), counts.Any(c => c[2] > 0)) : null;
        if (match) _checkedMatches++;
        _calibration = null;
    }

    /// <summary>BM25 with field weights over each part's count per field, rounded to 4 decimals.</summary>
    private double Score(int doc, List<int[]> counts)
    {
        var length = _index.Row(doc).Length;
        var score = 0.0;
        for (var p = 0; p < counts.Count; p++)
            for (var f = 0; f < 3; f++)
                if (counts[p][f] > 0) score += Bm25.Field(_index.Weights[f], _idf[p], counts[p][f], length[f], _index.AverageLength[f]);
        return Bm25.Round(score);
    }
}
