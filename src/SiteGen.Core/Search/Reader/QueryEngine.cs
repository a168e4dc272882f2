using System.Text.RegularExpressions;
using SiteGen.Search.Format;

namespace SiteGen.Search.Reader;

public sealed record SearchHit(
    string Slug, string Url, string Title, string? Date, int? Year, string Type, string? Publisher, string? Region,
    double Score, string TitleHtml, string Snippet);

public sealed record FacetValue(string Value, int Count);

/// <summary>
/// How a query counts its matches beyond its page: <see cref="Auto"/> exactly when that reads at most
/// the manifest's <c>countingBudget</c> more files, else estimated; <see cref="Exact"/> always exactly (the
/// search page's 精确统计); <see cref="Estimate"/> never more than the page needs.
/// </summary>
public enum Counting { Auto, Exact, Estimate }

/// <param name="Estimated">Whether <paramref name="Total"/> and the facets' counts are estimates: a common phrase is checked only in as many reports as the page needs.</param>
public sealed record SearchResult(
    string Query, int Total, bool Estimated, bool Exact, int Page, int PageSize, IReadOnlyList<string> Words,
    IReadOnlyList<SearchHit> Results, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>
/// Answers queries from the index files, by the same rules as search.js: each part must occur as a
/// run of units in one field; BM25 over phrase counts with field weights; ties by newer date. When
/// nothing matches exactly, unquoted parts are split into words by ICU and searched again.
/// </summary>
public sealed partial class QueryEngine(SearchIndexReader index)
{
    private const int SnippetWidth = 60;

    public SearchResult Search(string query, IReadOnlyDictionary<string, string>? filters = null, string sort = "relevance", int page = 1, int pageSize = 10,
        Counting counting = Counting.Auto)
    {
        var parsed = Query.Parse(query);
        var allFilters = new Dictionary<string, string>(parsed.Filters);
        foreach (var (k, v) in filters ?? new Dictionary<string, string>()) allFilters[k] = v;
        if (parsed.Parts.Count == 0 && allFilters.Count == 0)
            return new SearchResult(query, 0, false, true, 1, pageSize, [], [], new Dictionary<string, IReadOnlyList<FacetValue>>());

        var used = parsed.Parts;
        var exact = true;
        page = Math.Max(1, page);
        var filtered = new Filters(index, allFilters);
        var need = (int)Math.Min(int.MaxValue, (long)page * pageSize);
        var evaluation = new Evaluation(index, used, parsed.Excludes);
        var top = evaluation.Top(filtered, need, sort == "date");
        // Asked only when the page is empty: a page with a match says as much, and asking first cost a round of reads.
        if (top.Count == 0 && parsed.Parts.Any(p => !p.Quoted && p.Units.Count > 1) && !evaluation.Possible)
        {
            var split = parsed.Parts.SelectMany(p => p.Quoted ? [p.Text] : WordSegmenter.Words(p.Text))
                .Select(w => QueryPart.Of(w, false))
                .DistinctBy(p => p.Key).ToList();
            if (split.Count > parsed.Parts.Count)
            {
                exact = false;
                used = split;
                evaluation = new Evaluation(index, used, parsed.Excludes);
                top = evaluation.Top(filtered, need, sort == "date");
            }
        }

        if (counting == Counting.Exact || (counting == Counting.Auto && evaluation.CountingCost(index.CountingBudget) <= index.CountingBudget)) evaluation.Complete();
        var (total, estimated) = evaluation.Estimate(evaluation.Candidates.Where(d => filtered.Passes(d)), evaluation.Unread(filtered));
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["year"] = Facet(evaluation, filtered, "year", d => d.Year?.ToString()),
            ["province"] = Facet(evaluation, filtered, "province", d => d.Province),
            ["type"] = Facet(evaluation, filtered, "type", d => d.Type),
        };
        var results = top.Skip((page - 1) * pageSize).Take(pageSize).Select(s => Hit(s, used)).ToList();
        return new SearchResult(query, total, estimated, exact, page, pageSize, used.Select(p => p.Text).ToList(), results, facets);
    }

    /// <summary>Matches per value under every filter but the facet's own, in the segments read and (estimated) in the others.</summary>
    private IReadOnlyList<FacetValue> Facet(Evaluation evaluation, Filters filters, string key, Func<DocumentRow, string?> value)
    {
        var read = evaluation.Candidates.Where(d => filters.Passes(d, key) && value(index.Row(d)) is not null)
            .GroupBy(d => value(index.Row(d))!).ToDictionary(g => g.Key, g => g.ToList());
        return read.Keys.Union(evaluation.UnreadValues(key))
            .Select(v => new FacetValue(v, evaluation.Estimate(read.GetValueOrDefault(v) ?? [], evaluation.Unread(filters, key, key, v)).Count))
            .Where(f => f.Count > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
    }

    private SearchHit Hit(Scored s, IReadOnlyList<QueryPart> used)
    {
        var d = index.Row(s.Doc);
        var shown = index.Display(s.Doc);
        return new SearchHit(shown.Slug, shown.Url, shown.Title, shown.Date, d.Year, d.Type ?? "", shown.Publisher, shown.Region, s.Score,
            Highlight(shown.Title, Ranges(shown.Title, used), 0, shown.Title.Length),
            SnippetFromHead(shown.Head, s.InBody, used) ?? SnippetFromText(index.Texts(s.Doc), s.InBody, used));
    }

    /// <summary>The snippet: around the first match in the body if there is one, else of the meta field (else the body's start).</summary>
    private static string SnippetFromText(string[] fields, bool inBody, IReadOnlyList<QueryPart> used) =>
        inBody ? Snippet(fields[2], used) : fields[1].Length > 0 ? MetaSnippet(fields[1], used) : Snippet(fields[2], used);

    /// <summary>
    /// The meta field's items that hold a match (a 文号 query shows the 文号), joined by " · "; all of them when
    /// none does (the query matched the title). search.js's metaSnippet does the same.
    /// </summary>
    private static string MetaSnippet(string meta, IReadOnlyList<QueryPart> used)
    {
        var matched = meta.Split(IndexFormat.MetaSeparator).Where(item => Ranges(item, used).Count > 0).ToList();
        return Snippet(matched.Count > 0 ? string.Join(" · ", matched) : meta, used);
    }

    /// <summary>
    /// The same snippet from the head of the text (meta and the body's first characters), or null when
    /// the head cannot be sure of it: then the whole text must be read. Most results need only the head.
    /// </summary>
    private static string? SnippetFromHead(TextHead head, bool inBody, IReadOnlyList<QueryPart> used)
    {
        if (!head.Truncated) return SnippetFromText(["", head.Meta, head.Body], inBody, used);
        if (!inBody) return head.Meta.Length > 0 ? MetaSnippet(head.Meta, used) : null;
        var body = Whitespace().Replace(head.Body, " ");
        var marks = Ranges(body, used);
        if (marks.Count == 0) return null;
        var from = Math.Max(0, marks[0].Start - SnippetWidth / 2);
        var to = from + SnippetWidth * 2;
        // The window must end before the head does, and no match that starts in it may run past the head's end.
        if (to >= body.Length || CutMatchStart(body, used) < to) return null;
        return (from > 0 ? "…" : "") + Highlight(body, marks, from, to) + "…";
    }

    /// <summary>
    /// The pairs that pin down a run of n units: every other pair, and the last one (0, 2, 4, …, n−2).
    /// Pairs at p+offset for each of them means every unit is in place, so the pairs between need not be read.
    /// </summary>
    internal static int[] CoveringPairs(int units) =>
        Enumerable.Range(0, units - 1).Where(i => i % 2 == 0 || i == units - 2).ToArray();

    /// <summary>Where the earliest match that the end of the text cuts short would start (int.MaxValue if none).</summary>
    private static int CutMatchStart(string text, IReadOnlyList<QueryPart> used)
    {
        var units = TextUnits.Split(text);
        var earliest = int.MaxValue;
        foreach (var part in used)
            for (var k = Math.Min(part.Units.Count - 1, units.Count); k >= 1; k--)
                if (TextUnits.Matches(units, units.Count - k, part.Units.Take(k).ToList()))
                    earliest = Math.Min(earliest, units[units.Count - k].Start);
        return earliest;
    }

    /// <summary>Character ranges of every occurrence of every part in a text, merged where they touch.</summary>
    internal static List<(int Start, int End)> Ranges(string text, IReadOnlyList<QueryPart> used)
    {
        var units = TextUnits.Split(text);
        var found = new List<(int Start, int End)>();
        foreach (var part in used)
        {
            var n = part.Units.Count;
            for (var i = 0; i + n <= units.Count; i++)
                if (TextUnits.Matches(units, i, part.Units)) found.Add((units[i].Start, units[i + n - 1].End));
        }
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int Start, int End)>();
        foreach (var r in found)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }
        return merged;
    }

    private static string Highlight(string text, List<(int Start, int End)> marks, int from, int to)
    {
        var html = new System.Text.StringBuilder();
        var at = from;
        foreach (var (start, end) in marks)
        {
            if (end <= from || start >= to) continue;
            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            html.Append(Escape(text[at..s])).Append("<mark>").Append(Escape(text[s..e])).Append("</mark>");
            at = e;
        }
        return html.Append(Escape(text[at..to])).ToString();
    }

    private static string Snippet(string text, IReadOnlyList<QueryPart> used)
    {
        var body = Whitespace().Replace(text, " ");
        var marks = Ranges(body, used);
        var first = marks.Count > 0 ? marks[0].Start : 0;
        var from = Math.Max(0, first - SnippetWidth / 2);
        var to = Math.Min(body.Length, from + SnippetWidth * 2);
        return (from > 0 ? "…" : "") + Highlight(body, marks, from, to) + (to < body.Length ? "…" : "");
    }

    // The same five characters search.js escapes, the same way.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
