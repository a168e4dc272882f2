using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using Lucene.Net.Util;
using IndexFormat = SiteGen.Search.Format.IndexFormat;
using SiteGen.Search.Reader;

namespace SiteGen.Benchmarks;

/// <summary>
/// Why the index has a format of its own: the texts a built site's index holds (title, meta, body of every report, read
/// back from its search/ folder) indexed again by Lucene.Net the way Lucene indexes Chinese (CJKAnalyzer: CJK bigrams,
/// Latin and digit runs as words, positions for phrases), once without and once with the body stored for snippets.
/// Prints both indexes' bytes and files beside the site's, and for each query the reports each finds and how long
/// each engine takes in this process (warm, median of several runs). A browser reading from file:// can load a
/// file only whole, as a script: what a Lucene query would load there is the whole of the files it reads by offset.
/// </summary>
public static class LuceneBenchmark
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] Fields = ["title", "meta", "body"];
    // A query's parts may match in any field (as in SiteGen), weighted as SiteGen weighs the fields.
    private static readonly float[] Boosts = [3, 2, 1];

    // The peers' queries and the search benchmark's, and two that a substring of a number or code answers.
    private static readonly string[] Queries = PeerBenchmark.Queries
        .Concat(["高要区", "安经开〔2018〕7号", "法治政府建设推进会", "018", "〔2018〕"]).Distinct().ToArray();

    public static int Run(string[] args)
    {
        var site = Path.GetFullPath(CorpusGenerator.Option(args, "--site") ?? throw new ArgumentException("--site DIR: a built site"));
        var runs = int.Parse(CorpusGenerator.Option(args, "--runs") ?? "5");
        var work = Path.Combine(Path.GetTempPath(), "sitegen-lucene-" + Environment.ProcessId);
        var index = SearchIndexReader.Open(site);
        var texts = Enumerable.Range(0, index.Count).Select(index.Texts).ToList();
        var ours = Directory.GetFiles(Path.Combine(site, IndexFormat.Folder));
        // Each report's Markdown as the site ships it beside its page.
        var markdown = Directory.GetFiles(Path.Combine(site, "reports"), "*.md").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"{texts.Count:N0} reports, Markdown {markdown / 1048576.0:0.0} MB");
        Console.WriteLine($"{"index",-36} {"MB",8} {"÷ Markdown",10} {"files",7} {"build s",8}");
        Console.WriteLine($"{"SiteGen search/ (with snippet text)",-36} {ours.Sum(Size) / 1048576.0,8:0.0} {ours.Sum(Size) / (double)markdown,10:0.00} {ours.Length,7:N0} {"",8}");
        try
        {
            BuildBoth(work, texts, markdown);
            Compare(Path.Combine(work, "stored"), site, new QueryEngine(index), runs);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, true);
        }
        return 0;
    }

    /// <summary>Lucene's index of the texts without and with the body stored, and what each weighs.</summary>
    private static void BuildBoth(string work, IReadOnlyList<string[]> texts, long markdown)
    {
        foreach (var stored in new[] { false, true })
        {
            var folder = Path.Combine(work, stored ? "stored" : "plain");
            var seconds = Build(folder, texts, stored);
            var files = Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith("write.lock")).ToList();
            Console.WriteLine($"{(stored ? "Lucene.Net, body stored for snippets" : "Lucene.Net, no text stored"),-36} {files.Sum(Size) / 1048576.0,8:0.0} " +
                              $"{files.Sum(Size) / (double)markdown,10:0.00} {files.Count,7:N0} {seconds,8:0.0}");
            if (!stored) continue;
            Console.WriteLine("  by file: " + string.Join(", ", files.GroupBy(Path.GetExtension).OrderByDescending(g => g.Sum(Size))
                .Select(g => $"{(g.Key == "" ? "segments_N" : g.Key)} {g.Sum(Size) / 1048576.0:0.0} MB")));
            // A page from disk cannot read part of a file: every file a Lucene query reads by offset would load whole.
            Console.WriteLine($"a Lucene query from file:// would load its terms, postings, positions and stored text whole: " +
                              $"{files.Where(f => Path.GetExtension(f) is ".tip" or ".tim" or ".doc" or ".pos" or ".nvd" or ".fdx" or ".fdt").Sum(Size) / 1048576.0:0.0} MB");
        }
    }

    private static double Build(string folder, IReadOnlyList<string[]> texts, bool stored)
    {
        var clock = Stopwatch.StartNew();
        using var directory = FSDirectory.Open(folder);
        using var analyzer = new CJKAnalyzer(Version);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE }))
        {
            for (var id = 0; id < texts.Count; id++)
            {
                var document = new Document { new StoredField("id", id) };
                for (var f = 0; f < Fields.Length; f++)
                    document.Add(new TextField(Fields[f], texts[id][f], stored && f == 2 ? Field.Store.YES : Field.Store.NO));
                writer.AddDocument(document);
            }
            writer.ForceMerge(1); // the smallest form: one segment, as a site would ship it
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static void Compare(string folder, string site, QueryEngine engine, int runs)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        using var analyzer = new CJKAnalyzer(Version);
        Console.WriteLine();
        Console.WriteLine($"{"query",-20} {"SiteGen finds",20} {"Lucene finds",12} {"SiteGen KB read",15} {"files",5} {"SiteGen ms",10} {"Lucene ms",9}");
        var (oursTotal, theirsTotal) = (0.0, 0.0);
        foreach (var text in Queries)
        {
            var query = ToLucene(text, analyzer);
            // Where nothing holds the text, SiteGen searches its words instead and says so: that is not a match of the text.
            var answer = engine.Search(text, counting: Counting.Exact);
            var found = answer.Exact ? $"{answer.Total:N0}" : $"0 ({answer.Total:N0} by words)";
            var hits = searcher.Search(query, 10).TotalHits;
            // What the same query reads cold, as the browser does (counting exactly only where that is cheap): files on disk, and the runtime.
            var cold = SearchIndexReader.Open(site);
            new QueryEngine(cold).Search(text);
            var read = cold.FilesRead.Distinct().Sum(f => Size(Path.Combine(site, IndexFormat.Folder, f))) + Size(Path.Combine(site, "assets", "search.js"));
            var ourMs = Median(runs, () => engine.Search(text, counting: Counting.Exact));
            var theirMs = Median(runs, () => searcher.Search(query, 10));
            (oursTotal, theirsTotal) = (oursTotal + ourMs, theirsTotal + theirMs);
            Console.WriteLine($"{text,-20} {found,20} {hits,12:N0} {read / 1024.0,15:0} {cold.FilesRead.Distinct().Count() + 1,5} {ourMs,10:0.00} {theirMs,9:0.00}");
        }
        Console.WriteLine($"{"all queries",-20} {"",20} {"",12} {"",15} {"",5} {oursTotal,10:0.00} {theirsTotal,9:0.00}");
    }

    /// <summary>Each space-separated part a phrase of the analyser's tokens, in any field, every part required, as SiteGen reads a query.</summary>
    private static Query ToLucene(string text, Analyzer analyzer)
    {
        var all = new BooleanQuery();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var anyField = new BooleanQuery();
            for (var f = 0; f < Fields.Length; f++)
            {
                var phrase = new PhraseQuery { Boost = Boosts[f] };
                foreach (var (term, position) in Tokens(analyzer, Fields[f], part)) phrase.Add(new Term(Fields[f], term), position);
                anyField.Add(phrase, Occur.SHOULD);
            }
            all.Add(anyField, Occur.MUST);
        }
        return all;
    }

    private static List<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        for (var position = -1; stream.IncrementToken();)
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }
        stream.End();
        return tokens;
    }

    private static double Median(int runs, Action query)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(runs / 2);
    }

    private static long Size(string file) => new FileInfo(file).Length;
}
