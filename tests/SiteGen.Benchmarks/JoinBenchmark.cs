using System.Diagnostics;
using SiteGen.Cache;
using SiteGen.Research;

namespace SiteGen.Benchmarks;

/// <summary>
/// The shared-paragraph join alone, on invented prints at any archive size: a cold join that fills the bucket cache,
/// then one report edited and the join again with the cache, as a rebuild does. Prints each one's time, what it
/// allocated and how far it raised the process's peak resident memory above what the prints themselves hold
/// (Linux: the peak is reset through /proc/self/clear_refs before each).
/// </summary>
public static class JoinBenchmark
{
    public static int Run(string[] args)
    {
        var count = int.Parse(CorpusGenerator.Option(args, "--reports") ?? "10000");
        var perReport = int.Parse(CorpusGenerator.Option(args, "--paragraphs") ?? "43");
        var random = new Random(7);
        // One paragraph in ten is one of 2,000 stock paragraphs: buckets with many members, as real archives have.
        var stock = Enumerable.Range(0, 2000).Select(_ => Signature(random)).ToArray();
        var reports = Enumerable.Range(0, count).Select(r => (Slug: $"r{r:D7}", Key: "k0",
            Paragraphs: Prints(Enumerable.Range(0, perReport).Select(_ => random.Next(10) == 0 ? stock[random.Next(stock.Length)] : Signature(random))))).ToList();
        var folder = Path.Combine(Path.GetTempPath(), $"sitegen-join-{Environment.ProcessId}");
        try
        {
            var cache = new ParagraphBucketCache(new BuildCache(folder));
            Console.WriteLine($"{count:N0} reports, {count * perReport:N0} paragraphs; resident before: {Resident() / 1048576.0:0} MB");
            Measure("cold join (fills the cache)", () => SharedParagraphs.Find(reports, cache));
            reports[count / 2] = (reports[count / 2].Slug, "k1", Prints(Enumerable.Range(0, perReport).Select(_ => Signature(random))));
            Measure("one report edited, with the cache", () => SharedParagraphs.Find(reports, cache));
            Measure("nothing edited, with the cache", () => SharedParagraphs.Find(reports, cache));
        }
        finally { Directory.Delete(folder, true); }
        return 0;
    }

    private static void Measure(string what, Func<object> join)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Resident();
        File.WriteAllText("/proc/self/clear_refs", "5"); // resets the peak (VmHWM) to the current resident size
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(join());
        clock.Stop();
        Console.WriteLine($"{what,-36} {clock.Elapsed.TotalSeconds,6:0.00} s, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0,7:0} MB, " +
                          $"gen 2 collections {GC.CollectionCount(2) - collections,3}, peak {(Peak() - before) / 1048576.0,6:0} MB above the {before / 1048576.0:0} MB before");
    }

    private static ParagraphPrints Prints(IEnumerable<uint[]> signatures)
    {
        var all = signatures.ToList();
        return new ParagraphPrints(new string('…', all.Count), [.. Enumerable.Range(0, all.Count + 1)], [.. all.SelectMany(s => s)]);
    }

    private static uint[] Signature(Random random)
    {
        var signature = new uint[ParagraphPrints.Hashes];
        for (var i = 0; i < signature.Length; i++) signature[i] = (uint)random.Next();
        return signature;
    }

    private static long Resident() => Status("VmRSS:");
    private static long Peak() => Status("VmHWM:");

    private static long Status(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
