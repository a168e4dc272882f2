using System.Diagnostics;
using SiteGen.Build;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;

namespace SiteGen.Benchmarks;

/// <summary>
/// The same source built with several chunk sizes (positions per chunk): build time, index files and bytes,
/// and what the compare benchmark's queries download (gzip, as a host sends it), read by the command-line
/// engine, which loads the files the browser does.
/// </summary>
public static class LayoutBenchmark
{
    public static int Run(string[] args)
    {
        var source = Path.GetFullPath(CorpusGenerator.Option(args, "--source") ?? ".");
        // --counts estimate measures what the results need, before the search page asks for exact counts.
        var counting = Enum.Parse<Counting>(CorpusGenerator.Option(args, "--counts") ?? "auto", ignoreCase: true);
        var sizes = (CorpusGenerator.Option(args, "--chunks") ?? $"{IndexFormat.ChunkPositions}").Split(',').Select(int.Parse);
        var segmentSizes = (CorpusGenerator.Option(args, "--segments") ?? $"{IndexSegments.Target}").Split(',').Select(int.Parse).ToList();
        Console.WriteLine($"{"chunk",7} {"segment",8} {"build s",8} {"index files",12} {"index MB",9} {"median KB",10} {"max KB",8}   per query KB");
        if (CorpusGenerator.Option(args, "--site") is { } built)
        {
            // A site built already (by sitegen build): its queries only.
            Console.Write($"{"-",7} {"-",8} {"-",8} ");
            Measure(Path.GetFullPath(built), counting);
            return 0;
        }
        foreach (var chunk in sizes)
        foreach (var segment in segmentSizes)
        {
            var output = Path.Combine(Path.GetTempPath(), $"sitegen-layout-{Environment.ProcessId}-{chunk}-{segment}");
            var clock = Stopwatch.StartNew();
            SiteBuilder.Build(new BuildOptions(source, output) { UseCache = false, SearchLayout = new SearchLayout(segment, chunk) });
            var seconds = clock.Elapsed.TotalSeconds;
            Console.Write($"{chunk,7} {segment,8} {seconds,8:0.0} ");
            Measure(output, counting);
            Directory.Delete(output, true);
        }
        Console.WriteLine($"queries: {string.Join(" ", PeerBenchmark.Queries)}");
        return 0;
    }

    private static string KindOf(string file) => file.StartsWith("dict", StringComparison.Ordinal) ? "dict" : file[..1];

    private static void Measure(string output, Counting counting)
    {
        var search = Path.Combine(output, IndexFormat.Folder);
        var files = Directory.GetFiles(search);
        var byKind = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var segments = new List<int>();
        var loads = new List<int>();
        var filesByKind = new List<Dictionary<string, int>>();
        var kilobytes = PeerBenchmark.Queries.Select(q =>
        {
            var reader = SearchIndexReader.Open(output);
            new QueryEngine(reader).Search(q, counting: counting);
            // A segment's columns file, or a patched segment's base's (its delta's is read with it).
            var deltas = reader.Segments.Where(x => x.Patch is not null).Select(x => $"m-{x.Patch!.Delta.Generation}.js").ToHashSet();
            segments.Add(reader.FilesRead.Count(f => f.StartsWith("m-") && !deltas.Contains(f)));
            loads.Add(reader.FilesRead.Distinct().Count() + 1); // and search.js
            filesByKind.Add(reader.FilesRead.Distinct().GroupBy(KindOf).ToDictionary(g => g.Key, g => g.Count()));
            foreach (var file in reader.FilesRead.Distinct())
            {
                var kind = KindOf(file);
                byKind[kind] = byKind.GetValueOrDefault(kind) + PeerBenchmark.WireBytes(Path.Combine(search, file)) / 1024.0 / PeerBenchmark.Queries.Length;
            }
            return (reader.FilesRead.Distinct().Sum(f => PeerBenchmark.WireBytes(Path.Combine(search, f)))
                    + PeerBenchmark.WireBytes(Path.Combine(output, "assets", "search.js"))) / 1024.0;
        }).ToList();
        Console.WriteLine($"{files.Length,12:N0} {files.Sum(f => new FileInfo(f).Length) / 1048576.0,9:0.0} " +
                          $"{Stats.Median(kilobytes),10:0} {kilobytes.Max(),8:0}   {string.Join(" ", kilobytes.Select(k => k.ToString("0")))}");
        // By the first letter of the file name (FORMAT.md): i manifest, s counts, p positions, c chunks, h/t results and snippets, m segment columns, dict the term dictionary.
        Console.WriteLine($"{"",7} mean KB by file kind: {string.Join("  ", byKind.Select(k => $"{k.Key} {k.Value:0}"))}");
        // On file:// each script a query loads costs a few milliseconds however small (seen here: 3 to 17 ms), so the count matters as well as the bytes.
        Console.WriteLine($"{"",7} files loaded per query: median {Stats.Median(loads.Select(n => (double)n)):0}; {string.Join(" ", loads)}");
        var kinds = filesByKind.SelectMany(k => k.Keys).Distinct().Order(StringComparer.Ordinal);
        Console.WriteLine($"{"",7} files per query by kind: {string.Join("  ", kinds.Select(kind => $"{kind} {string.Join(" ", filesByKind.Select(k => k.GetValueOrDefault(kind)))}"))}");
        Console.WriteLine($"{"",7} segments read per query (of {SearchIndexReader.Open(output).SegmentCount}): {string.Join(" ", segments)}");
    }
}
