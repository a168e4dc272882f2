using System.Diagnostics;
using Microsoft.Playwright;
using SiteGen.Preview;

namespace SiteGen.Benchmarks;

/// <summary>Time from saving a report to the open preview page showing the change, in headless Chromium.</summary>
public static class PreviewBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var source = Path.GetFullPath(args.SkipWhile(a => a != "--source").Skip(1).FirstOrDefault() ?? ".");
        var copy = Path.Combine(Path.GetTempPath(), "sitegen-preview-bench-" + Environment.ProcessId);
        foreach (var folder in new[] { "content", "templates" }) CorpusGenerator.CopyFolder(Path.Combine(source, folder), Path.Combine(copy, folder));
        File.Copy(Path.Combine(source, "site.yml"), Path.Combine(copy, "site.yml"));
        var report = Directory.GetFiles(Path.Combine(copy, "content", "reports"), "*.md").Order(StringComparer.Ordinal).First();

        var server = await PreviewServer.StartAsync(new PreviewOptions(copy, Port: 0) { Log = Console.Out });
        try
        {
            await Measure(server, report);
        }
        finally
        {
            // Stopped before its source goes: a server still watching it rebuilt once more and printed the site as missing.
            await server.DisposeAsync();
            Directory.Delete(copy, true);
        }
        return 0;
    }

    private static async Task Measure(PreviewServer server, string report)
    {
        var slug = Path.GetFileNameWithoutExtension(report);
        await using var browser = await SearchBenchmark.Launch();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{server.Url}reports/{slug}.html");
        var original = File.ReadAllText(report);
        var title = original.Split('\n').First(l => l.StartsWith("title: ", StringComparison.Ordinal))[7..];

        var times = new List<double>();
        for (var i = 1; i <= 7; i++)
        {
            var clock = Stopwatch.StartNew();
            File.WriteAllText(report, original.Replace("title: " + title, $"title: {title}（第{i}稿）"));
            await page.GetByRole(AriaRole.Heading, new() { Name = $"{title}（第{i}稿）", Level = 1 }).WaitForAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine($"save {i}: page showed the edit after {clock.Elapsed.TotalMilliseconds:0} ms");
        }
        var sorted = times.Order().ToList();
        Console.WriteLine($"median save-to-screen: {sorted[sorted.Count / 2]:0} ms (debounce {new PreviewOptions("").Quiet.TotalMilliseconds:0} ms included)");
    }
}
