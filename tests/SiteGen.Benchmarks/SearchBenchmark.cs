using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;
using SiteGen.Tests.Support;

namespace SiteGen.Benchmarks;

/// <summary>
/// Index size against text size, bytes a query downloads and time to results in headless Chromium,
/// for a fixed list of queries over the site built from a source folder.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] Queries =
        ["行政复议", "双随机", "放管服", "高要区", "安经开〔2018〕7号", "高要区 2021", "法治", "政府", "依法行政 -通知", "法治政府建设推进会"];

    public static async Task<int> Run(string[] args)
    {
        var source = args.SkipWhile(a => a != "--source").Skip(1).FirstOrDefault() ?? ".";
        var built = CorpusGenerator.Option(args, "--site");
        var output = built is not null ? Path.GetFullPath(built) : Path.Combine(Path.GetTempPath(), "sitegen-bench-" + Environment.ProcessId);
        if (built is null)
        {
            var build = SiteBuilder.Build(new BuildOptions(Path.GetFullPath(source), output));
            Console.WriteLine($"site: {build.Reports} reports, built in {build.Elapsed.TotalSeconds:0.00} s");
        }

        var index = SearchIndexReader.Open(output);
        var textBytes = Enumerable.Range(0, index.Count).Sum(d => index.Texts(d).Sum(t => (long)Encoding.UTF8.GetByteCount(t)));
        var files = Directory.GetFiles(Path.Combine(output, IndexFormat.Folder));
        var postings = files.Where(f => !Path.GetFileName(f).StartsWith('t')).ToList();
        Console.WriteLine($"text (all fields, UTF-8):     {textBytes,10:N0} B   gzip {Gzip(Enumerable.Range(0, index.Count).SelectMany(index.Texts).Select(Encoding.UTF8.GetBytes)),9:N0} B");
        Console.WriteLine($"index: manifest, shards, blocks: {postings.Sum(Size),10:N0} B   gzip {postings.Sum(f => Gzip(File.ReadAllBytes(f))),9:N0} B   ({postings.Sum(Size) / (double)textBytes:0.00}x text)");
        Console.WriteLine($"index: snippet texts:         {files.Except(postings).Sum(Size),10:N0} B");
        var runtime = Path.Combine(output, "assets", "search.js");
        Console.WriteLine($"runtime assets/search.js:     {Size(runtime),10:N0} B   gzip {Gzip(File.ReadAllBytes(runtime)),9:N0} B");

        await using var browser = await Launch();
        Console.WriteLine();
        Console.WriteLine($"{"query",-22} {"results",7} {"bytes (cold)",13} {"rounds",6} {"cold ms",8} {"warm ms",8}");
        var coldBytes = new List<long>();
        var coldRounds = new List<double>();
        var coldTimes = new List<double>();
        var warmTimes = new List<double>();
        var timeline = args.Contains("--timeline");
        var (busy, collecting) = (0.0, 0.0);
        foreach (var query in Queries)
        {
            var page = await browser.NewPageAsync();
            long bytes = 0;
            page.RequestFinished += (_, request) =>
            {
                var uri = new Uri(request.Url);
                if (uri.IsFile && uri.LocalPath.Contains("/search/") || uri.LocalPath.EndsWith("search.js")) Interlocked.Add(ref bytes, new FileInfo(uri.LocalPath).Length);
            };
            if (timeline)
                // Resource timing has no entries for file://: each script the engine adds is timed from its insertion to its load.
                await page.AddInitScriptAsync(@"window.__loads = []; new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => {
                    if (n.tagName !== 'SCRIPT' || !n.src.includes('/search/')) return;
                    const name = n.src.split('/').pop(); window.__loads.push([performance.now(), 0, name.charCodeAt(0), name.slice(0, -3)]); })))
                    .observe(document, { childList: true, subtree: true });");
            await QueryRounds.WatchAsync(page);
            await page.GotoAsync(new Uri(Path.Combine(output, "search.html")).AbsoluteUri);
            await QueryRounds.HookAsync(page);
            if (timeline)
                // When each file's data arrives: its script calls the engine's callback with its name.
                await page.EvaluateAsync($@"() => {QueryRounds.Callbacks}.forEach(k => {{
                    const f = SiteGenSearch[k]; SiteGenSearch[k] = function (name) {{
                        window.__loads.filter(e => e[3] === name && !e[1]).forEach(e => e[1] = performance.now()); return f.apply(this, arguments); }}; }})");
            ICDPSession? profiler = null;
            if (args.Contains("--profile"))
            {
                profiler = await page.Context.NewCDPSessionAsync(page);
                await profiler.SendAsync("Profiler.enable");
                await profiler.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 200 });
                await profiler.SendAsync("Profiler.start");
            }
            var cold = await page.EvaluateAsync<double[]>(@"async q => {
                const t = performance.now(); const r = await SiteGenSearch.search(q); return [r.total, performance.now() - t]; }", query);
            // The profile is of the cold query alone.
            if (profiler is not null)
            {
                var (queryBusy, queryCollecting) = PrintProfile(await profiler.SendAsync("Profiler.stop"));
                (busy, collecting) = (busy + queryBusy, collecting + queryCollecting);
            }
            var rounds = QueryRounds.Longest(await QueryRounds.ReadAsync(page));
            var warm = await page.EvaluateAsync<double>(@"async q => {
                const t = performance.now(); for (let i = 0; i < 5; i++) await SiteGenSearch.search(q); return (performance.now() - t) / 5; }", query);
            if (timeline) await PrintTimeline(page);
            coldBytes.Add(bytes);
            coldRounds.Add(rounds);
            coldTimes.Add(cold[1]);
            warmTimes.Add(warm);
            Console.WriteLine($"{query,-22} {cold[0],7} {bytes,13:N0} {rounds,6} {cold[1],8:0.0} {warm,8:0.0}");
            await page.CloseAsync();
        }
        Console.WriteLine($"{"median",-22} {"",7} {Stats.Median(coldBytes.Select(b => (double)b)),13:N0} {Stats.Median(coldRounds),6:0.#} {Stats.Median(coldTimes),8:0.0} {Stats.Median(warmTimes),8:0.0}");
        Console.WriteLine("(bytes: search.js, manifest, shards and snippet texts a fresh page loads for the query; rounds: the longest chain of index files it asks for one after another, each a round trip over a network; cold: first query on a fresh page, loading included)");
        if (args.Contains("--profile"))
        {
            Console.WriteLine($"profile: the page's thread busy {busy:N0} ms over the {Queries.Length} cold queries, {collecting:N0} ms of it collecting garbage; by self time over all:");
            foreach (var (key, ms) in SelfOverAll.Where(x => !x.Key.StartsWith("(idle)")).OrderByDescending(x => x.Value).Take(30))
                Console.WriteLine($"    {ms,8:N0} ms  {ms / busy,6:P1}  {key}");
            Console.WriteLine("and search.js's functions with what they call:");
            foreach (var (key, ms) in InclusiveOverAll.OrderByDescending(x => x.Value).Take(40))
                Console.WriteLine($"    {ms,8:N0} ms  {ms / busy,6:P1}  {key}");
        }
        if (built is null) Directory.Delete(output, true);
        return 0;
    }

    /// <summary>
    /// --timeline: when each index file of the cold query was asked for and when it had arrived, in ms from the first,
    /// grouped into the waves the engine asks for together: where a query's time goes between files and rounds.
    /// </summary>
    private static async Task PrintTimeline(IPage page)
    {
        var entries = (await page.EvaluateAsync<double[][]>("() => window.__loads.map(e => e.slice(0, 3))")).Where(e => e[2] != 'i').ToArray();
        if (entries.Length == 0) return;
        var origin = entries.Min(e => e[0]);
        var waves = new List<List<double[]>>();
        foreach (var e in entries.OrderBy(e => e[0]))
        {
            if (waves.Count == 0 || e[0] - waves[^1][0][0] > 2) waves.Add([]);
            waves[^1].Add(e);
        }
        Console.WriteLine("    " + string.Join("  ", waves.Select(w =>
            $"{w[0][0] - origin:0}:{string.Concat(w.GroupBy(e => (char)e[2]).Select(g => $"{g.Count()}{g.Key}"))}→{w.Max(e => e[1]) - origin:0}")));
    }

    /// <summary>--profile: each function's self time summed over every cold query.</summary>
    private static readonly Dictionary<string, double> SelfOverAll = [];

    /// <summary>--profile: the runtime's functions' time with what they call, summed over every cold query.</summary>
    private static readonly Dictionary<string, double> InclusiveOverAll = [];

    /// <summary>--profile: how long the cold query kept the page's thread busy, and the functions it spent the most of it in, by self time (CDP's sampling profiler).</summary>
    /// <returns>The busy time and the garbage collector's share of it, in ms, for the totals over every query.</returns>
    private static (double Busy, double Collecting) PrintProfile(System.Text.Json.JsonElement? result)
    {
        var profile = result!.Value.GetProperty("profile");
        var nodes = profile.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetInt32(),
            n => (Name: n.GetProperty("callFrame").GetProperty("functionName").GetString() is { Length: > 0 } f ? f : "(anonymous)",
                  Line: n.GetProperty("callFrame").GetProperty("lineNumber").GetInt32(), Url: n.GetProperty("callFrame").GetProperty("url").GetString() ?? ""));
        var samples = profile.GetProperty("samples").EnumerateArray().Select(x => x.GetInt32()).ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(x => x.GetInt64()).ToList();
        var parents = new Dictionary<int, int>();
        foreach (var n in profile.GetProperty("nodes").EnumerateArray())
            if (n.TryGetProperty("children", out var children))
                foreach (var child in children.EnumerateArray()) parents[child.GetInt32()] = n.GetProperty("id").GetInt32();
        string KeyOf(int id) => $"{nodes[id].Name}@{Path.GetFileName(nodes[id].Url)}:{nodes[id].Line + 1}";
        var self = new Dictionary<string, double>();
        for (var i = 0; i < samples.Count; i++)
        {
            var ms = (i + 1 < deltas.Count ? deltas[i + 1] : 0) / 1000.0;
            var key = KeyOf(samples[i]);
            self[key] = self.GetValueOrDefault(key) + ms;
            // Inclusive: each function on the sample's stack once, however deep it recurses.
            var seen = new HashSet<string>();
            for (int? id = samples[i]; id is { } at; id = parents.TryGetValue(at, out var parent) ? parent : null)
                if (nodes[at].Url.EndsWith("search.js") && KeyOf(at) is var frame && seen.Add(frame))
                    InclusiveOverAll[frame] = InclusiveOverAll.GetValueOrDefault(frame) + ms;
        }
        // Busy: every sample but the idle ones, the page's thread at work (a steadier measure than the wall clock).
        var busy = self.Where(x => !x.Key.StartsWith("(idle)")).Sum(x => x.Value);
        foreach (var (key, ms) in self) SelfOverAll[key] = SelfOverAll.GetValueOrDefault(key) + ms;
        Console.WriteLine($"    busy {busy:0} ms: " +
                          string.Join("  ", self.OrderByDescending(x => x.Value).Take(12).Select(x => $"{x.Key} {x.Value:0}")));
        return (busy, self.Where(x => x.Key.StartsWith("(garbage collector)")).Sum(x => x.Value));
    }

    internal static async Task<IBrowser> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static long Size(string file) => new FileInfo(file).Length;

    private static long Gzip(byte[] bytes) => Gzip([bytes]);

    /// <summary>The gzip size of the parts one after the other, streamed: 100,000 reports' texts are more than one string can hold.</summary>
    private static long Gzip(IEnumerable<byte[]> parts)
    {
        using var buffer = new CountingStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            foreach (var part in parts) gzip.Write(part);
        return buffer.Length;
    }

    /// <summary>Counts what is written and keeps none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
