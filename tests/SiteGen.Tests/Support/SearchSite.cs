using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;

namespace SiteGen.Tests.Support;

/// <summary>The repository's site built once, with its search index open, and the random queries the recall tests use.</summary>
public class SearchSite : IDisposable
{
    private readonly TestSite _site = TestSite.CopyOfRepository();

    public string Output => _site.Output;

    /// <summary>The site before its edits, when it was edited after a first build.</summary>
    public SortedDictionary<string, string>? FirstBuild { get; }

    /// <summary>Builds the same content cold, without the cache, into a folder of its own; returns the folder.</summary>
    public string ColdBuild() => _site.ColdBuild();

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
    /// <param name="edit">Edits to make after a first build, before a second, incremental one: the index read is the second's.</param>
    private protected SearchSite(int madeUp, SearchLayout layout, Action<TestSite>? edit = null)
    {
        AddMadeUpReports(madeUp);
        _site.SearchLayout = layout;
        _site.Build();
        if (edit is not null)
        {
            FirstBuild = SiteFiles.Snapshot(Output);
            edit(_site);
            _site.Build();
        }
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

    /// <summary>
    /// Substrings of the content with punctuation between two units (落实〈法治), each as the text has it, with its
    /// punctuation taken out (落实法治: the units stand apart in the text) and with other punctuation in its place (落实、法治).
    /// </summary>
    public IReadOnlyList<(string AsWritten, string Without, string Other)> PunctuatedQueries(int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<(string, string, string)>();
        for (var tries = 0; queries.Count < count && tries < 100_000; tries++)
        {
            var field = Texts[random.Next(Texts.Count)][random.Next(3)];
            var mark = field.Length == 0 ? -1 : field.IndexOfAny(['，', '、', '。', '〈', '《', '》', '（', '）', '；', '：', '“', '”'], random.Next(field.Length));
            if (mark < 2 || mark + 3 > field.Length) continue;
            var q = field.Substring(mark - random.Next(1, 3), random.Next(3, 6));
            if (q.Any(c => char.IsWhiteSpace(c) || c is '"' or '“' or '”' or ':' or '：' or '-' || char.IsSurrogate(c))) continue;
            var units = TextUnits.Split(q);
            if (units.Count < 2 || !units.Any(u => u.Break) || queries.Any(x => x.Item1 == q)) continue;
            var without = string.Concat(units.Select(u => u.Text));
            var other = string.Concat(units.Select(u => (u.Break ? "、" : "") + u.Text));
            queries.Add((q, without, other));
        }
        return queries;
    }

    /// <summary>The reports that the rule before version 10 found: the query's units in a row with any punctuation skipped.</summary>
    public IReadOnlySet<string> ContainingAcrossPunctuation(string query)
    {
        var pattern = new Regex(string.Join(@"[^\p{L}\p{N}]*", TextUnits.Split(query).Select(u => Regex.Escape(u.Text))));
        return Enumerable.Range(0, Texts.Count).Where(doc => Texts[doc].Any(t => pattern.IsMatch(TextUnits.Normalize(t))))
            .Select(doc => Index.Display(doc).Slug).ToHashSet();
    }

    /// <summary>
    /// Brute force: the reports whose text holds the query, in any one field, by a regular expression over the
    /// normalised text rather than the engine's units: between two of the query's units, only white space (or other
    /// characters that are neither units nor breaks) where the query has none, and any non-unit characters where
    /// the query has punctuation of its own.
    /// </summary>
    public IReadOnlySet<string> Containing(string query)
    {
        var pattern = Pattern(query);
        var slugs = new HashSet<string>();
        for (var doc = 0; doc < Texts.Count; doc++)
            if (Texts[doc].Any(text => pattern.IsMatch(TextUnits.Normalize(text))))
                slugs.Add(Index.Display(doc).Slug);
        return slugs;
    }

    private static Regex Pattern(string query)
    {
        var pattern = new StringBuilder();
        var (punctuation, any) = (false, false);
        foreach (var rune in TextUnits.Normalize(query).EnumerateRunes())
        {
            var text = rune.ToString();
            if (Regex.IsMatch(text, @"^[\p{L}\p{N}]+$"))
            {
                if (any) pattern.Append(punctuation ? @"[^\p{L}\p{N}]*" : @"[^\p{L}\p{N}\p{P}\p{S}]*");
                pattern.Append(Regex.Escape(text));
                (punctuation, any) = (false, true);
            }
            else if (Regex.IsMatch(text, @"^[\p{P}\p{S}]+$")) punctuation = true;
        }
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    public void Dispose() => _site.Dispose();
}

/// <summary>
/// The repository's reports and 40 more made of their paragraphs, in segments of several reports with pairs'
/// positions in chunks of several reports: common phrases are then checked only as far as a page needs. Counts are
/// exact without asking when that reads at most 16 more files: 政府 is then counted exactly on a page of one, 法治政府 not.
/// </summary>
public sealed class ArchiveSearchSite() : SearchSite(40, new SearchLayout(SegmentSize: 8, ChunkPositions: 32, CountingBudget: 16));

/// <summary>
/// <see cref="ArchiveSearchSite"/>'s reports built once, then eight of them edited in place (bodies rewritten, a
/// title, type, province and publisher changed) and built again with the cache: segments holding one or two edited
/// reports are patched (a base and a delta), one holding more is made whole again. <see cref="Cold"/> is the same
/// content built cold, which every answer must equal.
/// </summary>
public sealed class PatchedArchiveSearchSite : SearchSite
{
    internal static readonly SearchLayout Layout = new(SegmentSize: 8, ChunkPositions: 32, CountingBudget: 16);

    public PatchedArchiveSearchSite() : base(40, Layout, Edit)
    {
        var cold = ColdBuild();
        Cold = new QueryEngine(SearchIndexReader.Open(cold));
        ColdOutput = cold;
    }

    public QueryEngine Cold { get; }
    public string ColdOutput { get; }

    private static void Edit(TestSite site)
    {
        void Change(int report, Func<string, string> change)
        {
            var path = Path.Combine(site.Root, "content", "reports", $"made-up-{report:00}.md");
            var text = File.ReadAllText(path);
            var changed = change(text);
            if (changed == text) throw new InvalidOperationException($"the edit of made-up-{report:00} changed nothing");
            File.WriteAllText(path, changed);
        }
        // Edits that keep each field's typical length where it was (a step in it would remake every segment).
        Change(3, text => text + "\n推进三项制度。\n");
        Change(4, text => text.Replace("建设", "推进"));
        Change(10, text => text.Replace("法治", "法制"));
        Change(11, text => text.Replace("法治政府建设年度报告", "法治政府建设情况报告").Replace("doc_type: 年度报告", "doc_type: 情况报告"));
        Change(17, text => text.Replace("政府", "机关"));
        Change(20, text => text.Replace("publisher: 第20县人民政府", "publisher: 第20县司法行政"));
        Change(26, text => text.Replace("依法行政", "依法治理").Replace("province: 广东省", "province: 广西壮族自治区"));
        Change(33, text => text.Replace("。", "；"));
    }
}
