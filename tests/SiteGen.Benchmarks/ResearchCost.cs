using System.Diagnostics;

namespace SiteGen.Benchmarks;

/// <summary>
/// What the research views add to a cold build, measured within one commit: cold builds of the same source with and
/// without them (stages --without-research), each in a fresh process on an empty cache, in ABBA order so that a
/// machine that slows down over the run weighs on both alike. Prints every run, the medians and their ratio, and each
/// round's own ratio (its two builds ran back to back).
/// research-cost --source DIR [--runs N] [--out DIR]
/// </summary>
public static class ResearchCost
{
    public static int Run(string[] args)
    {
        var source = Path.GetFullPath(CorpusGenerator.Option(args, "--source") ?? ".");
        var runs = int.Parse(CorpusGenerator.Option(args, "--runs") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        var output = Path.GetFullPath(CorpusGenerator.Option(args, "--out") ?? Path.Combine(Path.GetTempPath(), "sitegen-research-cost-" + Environment.ProcessId));
        var self = typeof(ResearchCost).Assembly.Location;
        var with = new List<Measured>();
        var without = new List<Measured>();
        for (var i = 0; i < runs; i++)
            foreach (var views in i % 2 == 0 ? [true, false] : new[] { false, true })
            {
                Clear(source, output);
                string[] stages = ["exec", self, "stages", "--source", source, "--out", output, "--cached"];
                var measured = Measured.Run("dotnet", views ? stages : [.. stages, "--without-research"]);
                (views ? with : without).Add(measured);
                Console.WriteLine($"{(views ? "with" : "without"),-8} {measured.Seconds,7:0.0} s wall {measured.CpuSeconds,7:0.0} s cpu {measured.PeakMegabytes,6:0} MB");
            }
        Clear(source, output);
        double Wall(List<Measured> m) => Stats.Median(m.Select(r => r.Seconds));
        double Cpu(List<Measured> m) => Stats.Median(m.Select(r => r.CpuSeconds));
        Console.WriteLine($"median   with {Wall(with):0.0} s ({Cpu(with):0.0} s cpu), without {Wall(without):0.0} s ({Cpu(without):0.0} s cpu): " +
                          $"{Wall(with) / Wall(without):0.00}x wall, {Cpu(with) / Cpu(without):0.00}x cpu");
        // Each round's two builds ran back to back, so a round's own ratio is spared the machine's slower hours; how
        // far the rounds disagree says how far to trust the medians above.
        var rounds = with.Zip(without, (w, o) => w.Seconds / o.Seconds).ToList();
        Console.WriteLine($"rounds   {string.Join(" ", rounds.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}: " +
                          $"median {Stats.Median(rounds):0.00}x, {rounds.Min():0.00}-{rounds.Max():0.00}x");
        return 0;
    }

    /// <summary>An empty cache, no output and no site kept from before it, and the disk written: every build starts alike.</summary>
    private static void Clear(string source, string output)
    {
        foreach (var folder in new[] { Path.Combine(source, ".sitegen"), output, SiteGen.Output.PreviousSite.FolderOf(output) })
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        Process.Start("sync")!.WaitForExit();
    }
}
