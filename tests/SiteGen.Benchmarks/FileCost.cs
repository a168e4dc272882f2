using Microsoft.Playwright;

namespace SiteGen.Benchmarks;

/// <summary>
/// What one index file costs a page opened from file://, apart from its bytes: the same bytes loaded as few large or many
/// small classic scripts, each calling back with a string literal as the index's files do (7-bit characters, quotes and
/// backslashes escaped), all asked for at once as the engine asks for a wave. Prints, per layout, the median time from
/// the first insertion to the last callback over fresh pages, so the next index format can weigh files against bytes.
/// file-cost [--total KB] [--runs N]
/// </summary>
public static class FileCost
{
    public static async Task<int> Run(string[] args)
    {
        var totalKb = int.Parse(CorpusGenerator.Option(args, "--total") ?? "256", System.Globalization.CultureInfo.InvariantCulture);
        var runs = int.Parse(CorpusGenerator.Option(args, "--runs") ?? "7", System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "sitegen-file-cost-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            await using var browser = await SearchBenchmark.Launch();
            Console.WriteLine($"{totalKb} KB in all, as N files; median of {runs} fresh pages, from the first script inserted to the last callback");
            Console.WriteLine($"{"files",6} {"KB each",8} {"ms",8} {"ms a file",10}");
            foreach (var files in new[] { 1, 4, 16, 64 })
            {
                var names = Write(folder, files, totalKb * 1024 / files);
                var times = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    var page = await browser.NewPageAsync();
                    await page.GotoAsync(new Uri(Path.Combine(folder, "index.html")).AbsoluteUri);
                    times.Add(await page.EvaluateAsync<double>(Loader, names));
                    await page.CloseAsync();
                }
                var median = Stats.Median(times);
                Console.WriteLine($"{files,6} {totalKb / (double)files,8:0.#} {median,8:0.0} {median / files,10:0.00}");
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
        return 0;
    }

    // Every script is inserted at once; each calls back with its name and its data's length, which the page sums so the
    // string is used (a literal nobody reads might cost less than one the engine decodes).
    private const string Loader = @"names => new Promise(done => {
        let left = names.length, sum = 0; const t = performance.now();
        window.arrived = (name, data) => { sum += data.length; if (--left === 0) done(performance.now() - t); };
        names.forEach(n => { const s = document.createElement('script'); s.src = n + '.js'; document.head.appendChild(s); });
    })";

    /// <summary>Writes <paramref name="files"/> scripts of about <paramref name="bytes"/> each, with fresh names so no cache serves them twice.</summary>
    private static string[] Write(string folder, int files, int bytes)
    {
        File.WriteAllText(Path.Combine(folder, "index.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
        var random = new Random(files);
        return Enumerable.Range(0, files).Select(i =>
        {
            var name = $"f{files}-{i}";
            var literal = new System.Text.StringBuilder(bytes + 64);
            while (literal.Length < bytes)
            {
                var c = (char)random.Next(0, 128);
                literal.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", _ => c.ToString() });
            }
            File.WriteAllText(Path.Combine(folder, name + ".js"), $"arrived(\"{name}\", \"{literal}\");\n");
            return name;
        }).ToArray();
    }
}
