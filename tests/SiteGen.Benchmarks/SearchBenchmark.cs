using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;

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
        Console.WriteLine($"{"query",-22} {"results",7} {"bytes (cold)",13} {"cold ms",8} {"warm ms",8}");
        var coldBytes = new List<long>();
        var coldTimes = new List<double>();
        var warmTimes = new List<double>();
        foreach (var query in Queries)
        {
            var page = await browser.NewPageAsync();
            long bytes = 0;
            page.RequestFinished += (_, request) =>
            {
                var uri = new Uri(request.Url);
                if (uri.IsFile && uri.LocalPath.Contains("/search/") || uri.LocalPath.EndsWith("search.js")) Interlocked.Add(ref bytes, new FileInfo(uri.LocalPath).Length);
            };
            await page.GotoAsync(new Uri(Path.Combine(output, "search.html")).AbsoluteUri);
            var timing = await page.EvaluateAsync<double[]>(@"async q => {
                let t = performance.now(); const r = await SiteGenSearch.search(q); const cold = performance.now() - t;
                t = performance.now(); for (let i = 0; i < 5; i++) await SiteGenSearch.search(q); const warm = (performance.now() - t) / 5;
                return [r.total, cold, warm]; }", query);
            coldBytes.Add(bytes);
            coldTimes.Add(timing[1]);
            warmTimes.Add(timing[2]);
            Console.WriteLine($"{query,-22} {timing[0],7} {bytes,13:N0} {timing[1],8:0.0} {timing[2],8:0.0}");
            await page.CloseAsync();
        }
        Console.WriteLine($"{"median",-22} {"",7} {Stats.Median(coldBytes.Select(b => (double)b)),13:N0} {Stats.Median(coldTimes),8:0.0} {Stats.Median(warmTimes),8:0.0}");
        Console.WriteLine("(bytes: search.js, manifest, shards and snippet texts a fresh page loads for the query; cold: first query on a fresh page, loading included)");
        if (built is null) Directory.Delete(output, true);
        return 0;
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
