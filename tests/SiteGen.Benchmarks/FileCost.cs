using SiteGen.Search.Format;

namespace SiteGen.Benchmarks;

/// <summary>
/// What one index file costs a page opened from file://, apart from its bytes: the same bytes loaded as few large or many
/// small chunk files (as <see cref="IndexFormat"/> writes them), all asked for at once as the engine asks for a wave.
/// Prints, per layout, the median time from the first insertion to the last callback over fresh pages, so the next
/// index format can weigh files against bytes.
/// file-cost [--total KB] [--runs N] [--insert head|fragment|remove] (how the scripts go in: each into the head, as search.js
/// does; all at once from a fragment; each removed once loaded)
/// </summary>
public static class FileCost
{
    public static async Task<int> Run(string[] args)
    {
        var totalKb = int.Parse(CorpusGenerator.Option(args, "--total") ?? "256", System.Globalization.CultureInfo.InvariantCulture);
        var runs = int.Parse(CorpusGenerator.Option(args, "--runs") ?? "7", System.Globalization.CultureInfo.InvariantCulture);
        var insert = CorpusGenerator.Option(args, "--insert") ?? "head";
        if (!Loaders.ContainsKey(insert))
        {
            Console.Error.WriteLine($"--insert: one of {string.Join(", ", Loaders.Keys)}");
            return 1;
        }
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
                    times.Add(await page.EvaluateAsync<double>(Loaders[insert], names));
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

    // Every script is inserted at once; each calls back with its name and its data, whose length the page sums so the
    // string is used (a literal nobody reads might cost less than one the engine decodes).
    private static readonly Dictionary<string, string> Loaders = new()
    {
        ["head"] = Loader("names.forEach(n => { const s = document.createElement('script'); s.src = n + '.js'; document.head.appendChild(s); });"),
        ["fragment"] = Loader("const f = document.createDocumentFragment(); names.forEach(n => { const s = document.createElement('script'); s.src = n + '.js'; f.appendChild(s); }); document.head.appendChild(f);"),
        ["remove"] = Loader("names.forEach(n => { const s = document.createElement('script'); s.src = n + '.js'; s.onload = () => s.remove(); document.head.appendChild(s); });"),
    };

    private static string Loader(string insert) => @"names => new Promise(done => {
        let left = names.length, sum = 0; const t = performance.now();
        window.SiteGenSearch = { chunk: (name, data) => { sum += data.length; if (--left === 0) done(performance.now() - t); } };
        " + insert + @"
    })";

    /// <summary>
    /// Writes <paramref name="files"/> chunk files of about <paramref name="bytes"/> each, as the index writes them
    /// (random data: positions do not compress either), with fresh names so no cache serves them twice.
    /// </summary>
    private static string[] Write(string folder, int files, int bytes)
    {
        File.WriteAllText(Path.Combine(folder, "index.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
        var random = new Random(files);
        return Enumerable.Range(0, files).Select(i =>
        {
            var name = $"f{files}-{i}";
            var data = new byte[bytes * 7 / 8]; // a literal carries 7 bits a character
            random.NextBytes(data);
            File.WriteAllText(Path.Combine(folder, name + ".js"), IndexFormat.NamedScript(IndexFormat.Chunk, name + ".js", IndexFormat.Literal(data)));
            return name;
        }).ToArray();
    }
}
