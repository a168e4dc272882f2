using SiteGen.Search;

namespace SiteGen.Tests.Support;

/// <summary>The repository's site built once, with its search index open, and the random queries the recall tests use.</summary>
public sealed class SearchSite : IDisposable
{
    private readonly TestSite _site = TestSite.CopyOfRepository();

    public string Output => _site.Output;
    public SearchIndexReader Index { get; }
    public QueryEngine Engine { get; }
    /// <summary>Each document's three field texts, straight from the content.</summary>
    public IReadOnlyList<string[]> Texts { get; }

    public SearchSite()
    {
        // One document a segment: every query then reads and joins several segments, as on a large archive.
        _site.SearchSegmentSize = 2;
        _site.Build();
        Index = SearchIndexReader.Open(Output);
        Engine = new QueryEngine(Index);
        Texts = Enumerable.Range(0, Index.Docs.Count).Select(Index.Texts).ToList();
    }

    /// <summary>Random substrings of 1–8 characters of the content, as a reader might type them (no spaces, quotes or filters).</summary>
    public IReadOnlyList<string> RandomQueries(int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<string>();
        while (queries.Count < count)
        {
            var fields = Texts[random.Next(Texts.Count)];
            var field = fields[random.Next(10) switch { < 2 => 0, < 3 => 1, _ => 2 }];
            if (field.Length == 0) continue;
            var start = random.Next(field.Length);
            var q = field.Substring(start, Math.Min(random.Next(1, 9), field.Length - start));
            if (q.Any(c => char.IsWhiteSpace(c) || c is '"' or '“' or '”' or ':' or '：' or '-' or '－' || char.IsSurrogate(c))) continue;
            if (TextUnits.Split(q).Count == 0 || queries.Contains(q)) continue;
            queries.Add(q);
        }
        return queries;
    }

    /// <summary>Brute force: the reports whose text holds the query's units in a row, in any one field.</summary>
    public IReadOnlySet<string> Containing(string query)
    {
        var wanted = TextUnits.Split(query).Select(u => u.Text).ToList();
        var slugs = new HashSet<string>();
        for (var doc = 0; doc < Texts.Count; doc++)
            if (Texts[doc].Any(text => Contains(TextUnits.Split(text).Select(u => u.Text).ToList(), wanted)))
                slugs.Add(Index.Display(doc).Slug);
        return slugs;
    }

    private static bool Contains(List<string> units, List<string> wanted)
    {
        for (var i = 0; i + wanted.Count <= units.Count; i++)
        {
            var k = 0;
            while (k < wanted.Count && units[i + k] == wanted[k]) k++;
            if (k == wanted.Count) return true;
        }
        return false;
    }

    public void Dispose() => _site.Dispose();
}
