using SiteGen.Search;

namespace SiteGen.Tests.Support;

/// <summary>The repository's site built once, with its search index open, and the random queries the recall tests use.</summary>
public class SearchSite : IDisposable
{
    private readonly TestSite _site = TestSite.CopyOfRepository();

    public string Output => _site.Output;

    /// <summary>A page of the built site as the browser opens it from disk.</summary>
    public string FileUrl(string path) => new Uri(Path.Combine(Output, path)).AbsoluteUri;
    public SearchIndexReader Index { get; }
    public QueryEngine Engine { get; }
    /// <summary>Each document's three field texts, straight from the content.</summary>
    public IReadOnlyList<string[]> Texts { get; }

    // About one document a segment and chunks of a few positions: every query then reads and joins several
    // segments, and checks phrases in chunks, as on a large archive.
    public SearchSite() : this(0, new SearchLayout(SegmentSize: 2, ChunkPositions: 8)) { }

    /// <param name="madeUp">Reports to add, each of paragraphs drawn from the repository's reports.</param>
    protected SearchSite(int madeUp, SearchLayout layout)
    {
        AddMadeUpReports(madeUp);
        _site.SearchLayout = layout;
        _site.Build();
        Index = SearchIndexReader.Open(Output);
        Engine = new QueryEngine(Index);
        Texts = Enumerable.Range(0, Index.Count).Select(Index.Texts).ToList();
    }

    private void AddMadeUpReports(int count)
    {
        var paragraphs = Directory.GetFiles(Path.Combine(_site.Root, "content", "reports"), "*.md").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n---\n", 2)[1].Split("\n\n")).Where(p => p.Trim().Length > 0).ToList();
        var random = new Random(45);
        for (var i = 0; i < count; i++)
        {
            var body = string.Join("\n\n", Enumerable.Range(0, random.Next(2, 12)).Select(_ => paragraphs[random.Next(paragraphs.Count)]));
            var year = 2015 + i % 9;
            _site.AddReport($"made-up-{i:00}", Reports.FrontMatter(title: $"第{i}县{year}年法治政府建设年度报告", year: year,
                published: $"{year + 1}-03-{1 + i % 28:00}", county: $"第{i}县", publisher: $"第{i}县人民政府"), body + "\n");
        }
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

/// <summary>
/// The repository's reports and 40 more made of their paragraphs, in segments of several reports with pairs'
/// positions in chunks of several reports: common phrases are then checked only as far as a page needs.
/// </summary>
public sealed class ArchiveSearchSite() : SearchSite(40, new SearchLayout(SegmentSize: 8, ChunkPositions: 32));
