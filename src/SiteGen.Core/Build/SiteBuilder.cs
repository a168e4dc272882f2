using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SiteGen.Concurrency;
using SiteGen.Cache;
using SiteGen.Configuration;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Feeds;
using SiteGen.Output;
using SiteGen.Rendering;
using SiteGen.Research;
using SiteGen.Site;
using SiteGen.Search.Format;
using SiteGen.Search.Writer;

namespace SiteGen.Build;

/// <summary>
/// The pipeline: load site.yml, templates and reports; arrange the archive; render every page into a
/// staging folder; add feed, sitemap and the offline zip; swap the new site in. Any failure leaves
/// the previous output exactly as it was.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var cache = options.UseCache ? new BuildCache(options.SourceRoot) : null;
        // Scratch files go beside the output, where the build has room for its staging folder too.
        var scratch = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!;
        using var texts = new BodyTextSpill(scratch);
        var analyses = new BodyAnalyses(cache is null ? null : new AnalysisCache(cache), texts);
        var (input, staged) = LoadWhileStaging(options, cache, options.ResearchViews ? analyses.Loaded : null);
        using var output = staged;
        var observer = options.Observer;

        var zipPath = input.Config.OfflineZip && options.OfflineZip ? OfflineZip.PathFor(input.Config.ZipName) : null;
        var previousZip = zipPath is null || cache is null ? null : Path.Combine(options.OutputPath, zipPath);
        // With no earlier zip to copy their parts from, the zip would compress the data files itself, after the pages;
        // compressed as they are made, they use the part of a core the index pass leaves idle.
        using var ahead = zipPath is not null && (previousZip is null || !File.Exists(previousZip)) ? new DeflatedAhead(scratch) : null;

        observer.StageStarted("研究分析", input.Reports.Count);
        SearchIndexWriter? index = null;
        var findings = options.ResearchViews ? Findings.Gather(input.Reports, analyses, cache is null ? null : new ParagraphBucketCache(cache))
            : Findings.Nothing(input.Reports);
        var planner = new PagePlanner(input.Config, input.Archive, findings, zipPath is not null, IndexFormat.Manifest, options.HostPath);
        void WritePage(PlannedPage page)
        {
            var key = PageKey(input.SiteKey, page);
            if (!output.TryReuse(page.Model.Path, key))
                output.Write(page.Model.Path, input.Templates.RenderPage(page.Kind, page.Model), key);
            observer.FileWritten(page.Model.Path);
        }

        var comparisons = planner.Research.Comparisons;
        PlannedPage? dataPage = null;
        List<PlannedPage> pages = [];
        // The data files and comparison pages are made from the texts the analysis kept, alongside the report pages and
        // the index: one thread adds the index's documents in order there, which leaves part of the second core idle.
        Work.Alongside(() =>
        {
            if (!findings.Views) return;
            dataPage = WriteData(input, findings, planner, output, cache is null ? null : BuildCache.ManifestFor(options.SourceRoot, options.OutputPath), options.OutputPath, cache?.Damage, ahead);
            WriteComplianceData(input, planner, output);
            Work.ForEach(comparisons, comparison => WriteComparison(input, planner, comparison, output));
        }, () =>
        {
            observer.StageStarted("报告页面与搜索索引（及数据文件、历年对比）", input.Reports.Count);
            index = WriteReportsAndIndex(input, planner, WritePage, output, cache, options.SearchLayout);
            pages = planner.Plan().ToList();
            observer.StageStarted("渲染页面", pages.Count);
            Work.ForEach(pages, WritePage);
        });
        if (dataPage is not null) WritePage(dataPage);

        texts.Dispose();

        observer.StageStarted("复制源文件与资源", input.Reports.Count);
        Work.ForEach(input.Reports, report =>
        {
            var path = SitePaths.ReportSourcePath(report.Slug);
            var key = report.SourceKey;
            if (!output.TryReuse(path, key)) output.Write(path, report.SourceBytes, key);
            observer.FileWritten(path);
        });
        CopyAssets(options.SourceRoot, output);

        observer.StageStarted("订阅与站点地图", 3);
        WriteFeeds(input, pages.Concat(planner.PlanFront(null)).Select(p => p.Model.Path)
            .Append(ArchiveData.PagePath).Concat(comparisons.Select(c => c.Path))
            .Concat(input.Archive.Newest.Select(r => SitePaths.ReportPath(r.Slug))), output);
        // The pages' view models are done with; the closure that holds the list lives to the end of the build, so let
        // go of it here, before the zip (at 100,000 reports its listings hold hundreds of megabytes).
        var pageCount = pages.Count;
        pages = [];

        long zipBytes = 0;
        Download? download = null;
        if (zipPath is not null)
        {
            observer.StageStarted("离线压缩包", 1);
            var offline = planner.PlanOfflineCopies()
                .ToDictionary(p => p.Model.Path, p => Encoding.UTF8.GetBytes(input.Templates.RenderPage(p.Kind, p.Model)));
            zipBytes = WriteZip(input.Config, zipPath, output, previousZip, offline, ahead);
            download = new Download(zipPath, SizeText(zipBytes));
            observer.FileWritten(zipPath);
        }
        var front = planner.PlanFront(download).ToList();
        foreach (var page in front) WritePage(page);

        var result = new BuildResult(input.Reports.Count, pageCount + front.Count + input.Reports.Count, output.Files.Count, output.Bytes, zipBytes, TimeSpan.Zero)
            { Reused = output.ReusedCount, Warnings = Warnings(input.Config, cache, options.SourceRoot) };
        output.Commit();
        cache?.Prune(input.Reports.SelectMany(r => new[] { RenderedBodies.KeyOf(r), SearchIndexWriter.KeyOf(r) })
            .Concat(index!.SegmentKeys).ToHashSet(StringComparer.Ordinal));
        return result with { Elapsed = clock.Elapsed };
    }

    private static List<Diagnostic> Warnings(SiteConfig config, BuildCache? cache, string sourceRoot)
    {
        var warnings = new List<Diagnostic>();
        if (config.ExampleAddressWarning() is { } example) warnings.Add(example);
        if (cache?.Damage.Files is [var first, ..] damaged)
            warnings.Add(new Diagnostic(Path.GetRelativePath(sourceRoot, first).Replace('\\', '/'), 1, 1,
                $"warning: {damaged.Count} damaged cache file(s) failed their checksum; they were deleted and their content made again"));
        return warnings;
    }

    /// <summary>Validates everything a build reads, and renders every page in memory; writes nothing.</summary>
    public static int Check(string sourceRoot)
    {
        var input = SiteInput.Load(sourceRoot);
        var findings = Findings.Gather(input.Reports, new BodyAnalyses());
        var planner = new PagePlanner(input.Config, input.Archive, findings, input.Config.OfflineZip, null);
        var pages = planner.Plan()
            .Concat(planner.PlanOfflineCopies())
            .Concat(planner.PlanFront(new Download(OfflineZip.PathFor(input.Config.ZipName), SizeText(0))))
            .Append(planner.PlanData(SizeText(0), SizeText(0)))
            .Concat(planner.Research.Comparisons.Select(planner.Research.Compare))
            .Concat(input.Archive.Newest.Select(r => planner.PlanReport(r, input.Bodies.Lazily(r)))).ToList();
        var broken = new DiagnosticBag();
        Work.ForEach(pages, page =>
        {
            try { input.Templates.RenderPage(page.Kind, page.Model); }
            catch (SiteGenException e) when (InReports(e))
            {
                broken.AddRange(e.Diagnostics); // every report whose body cannot be rendered, as build names them
            }
        });
        broken.ThrowIfAny();
        return input.Reports.Count;
    }

    /// <summary>
    /// Loads the sources while the staging folder is made of the last site, which lists every file it holds (110,000 at
    /// 10,000 reports, most of a second): neither needs the other. A failure of either leaves the last site as it was.
    /// </summary>
    private static (SiteInput Input, StagedOutput Output) LoadWhileStaging(BuildOptions options, BuildCache? cache, Action<Report>? read)
    {
        SiteInput? input = null;
        StagedOutput? output = null;
        try
        {
            Work.Alongside(
                () => output = StagedOutput.Begin(options.OutputPath, options.SourceRoot, BuildCache.ManifestFor(options.SourceRoot, options.OutputPath),
                    reuse: cache is not null),
                () => input = SiteInput.Load(options.SourceRoot, cache, read));
        }
        catch
        {
            output?.Dispose(); // keeps the claimed site for the next build, as a failed build does
            throw;
        }
        return (input!, output!);
    }

    /// <summary>Whether every problem is in a report's file (its body), not in a template every page shares: then the other pages are still tried.</summary>
    private static bool InReports(SiteGenException e) =>
        e.Diagnostics.All(d => d.File.StartsWith(ContentLoader.ReportsFolder + "/", StringComparison.Ordinal));

    /// <summary>A page depends on the site (SiteGen, site.yml, templates) and on what its template sees.</summary>
    private static string PageKey(string siteKey, PlannedPage page)
    {
        // The JSON is written into one buffer a thread, hashed and dropped: made as an array each, the models of 23,000
        // pages were 180 MB for the collector at 10,000 reports, a rebuild that reuses every page included.
        var json = ModelJson.Value!;
        json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = ModelEncoder }))
            JsonSerializer.Serialize(writer, page.Model, page.Model.GetType());
        return new Fingerprint().Add(siteKey).Add(page.Kind).Add(json.WrittenSpan).Finish();
    }

    private static readonly ThreadLocal<ArrayBufferWriter<byte>> ModelJson = new(() => new ArrayBufferWriter<byte>(64 * 1024));

    // Only hashed, never shown. The default encoder wrote each Chinese character as six bytes of \uXXXX, and
    // hashing page models took 10 s of a rebuild's thread time at 10,000 reports; 4 s this way.
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder ModelEncoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// One pass over the reports, newest first: each body is rendered once (if at all), for the report's page
    /// and its index entry together, and then let go. The index writer takes from the last build whatever
    /// segments and texts of the index are made from the same reports.
    /// </summary>
    private static SearchIndexWriter WriteReportsAndIndex(SiteInput input, PagePlanner planner, Action<PlannedPage> writePage, StagedOutput output, BuildCache? cache, SearchLayout layout)
    {
        // The runtime depends on SiteGen alone: minifying it again compiled 1,200 of NUglify's methods in every rebuild.
        if (!output.TryReuse(SitePaths.SearchRuntime, SearchRuntime.Key)) output.Write(SitePaths.SearchRuntime, SearchRuntime.Bytes, SearchRuntime.Key);

        var entries = input.Archive.Newest.Select(r => new SearchIndexWriter.Entry(r, SearchIndexWriter.KeyOf(r))).ToList();
        var index = new SearchIndexWriter(new IndexOutput(output), entries, cache, input.BodyUnits, layout);
        var broken = new DiagnosticBag();
        Work.InOrder(entries.Select((entry, id) => (entry.Report, id)), item =>
        {
            var body = input.Bodies.Lazily(item.Report);
            try
            {
                writePage(planner.PlanReport(item.Report, body));
            }
            catch (SiteGenException e) when (InReports(e))
            {
                // A body Markdig cannot take fails the build, but the other reports are still tried: every such
                // report is named in one run, not one a run.
                broken.AddRange(e.Diagnostics);
                return null;
            }
            return index.Prepare(item.id, () => SearchDocument.From(item.Report, input.Bodies.WithWholeText(item.Report, body.Value)));
        }, prepared => { if (prepared is not null && !broken.HasErrors) index.Add(prepared); });
        broken.ThrowIfAny();
        index.Finish();
        return index;
    }

    /// <summary>
    /// data/reports.csv and data/reports.jsonl, remade only when a report or what was found in it changed; the JSONL
    /// holds every body's text, so with a cache (<paramref name="manifest"/>) its unchanged rows' lines are copied from
    /// the site in <paramref name="outputPath"/>. Returns data/index.html, which gives their sizes.
    /// </summary>
    /// <param name="ahead">Where the JSON Lines, once written, are compressed for the zip to come; null when it copies them from the last zip.</param>
    private static PlannedPage WriteData(SiteInput input, Findings findings, PagePlanner planner, StagedOutput output,
        string? manifest, string outputPath, CacheDamage? damage, DeflatedAhead? ahead)
    {
        var key = ArchiveData.KeyOf(input.SiteKey, input.Reports, findings);
        string[] paths = [ArchiveData.CsvPath, ArchiveData.JsonLinesPath];
        if (!output.TryReuse(paths, key))
        {
            // Made once for both files: a row's citation and analysis are worked out as it is made.
            var rows = ArchiveData.Rows(input.Config, input.Reports, findings).ToList();
            output.Write(ArchiveData.CsvPath, stream => ReportTable.WriteCsv(stream, rows), key);
            if (manifest is null) output.Write(ArchiveData.JsonLinesPath, stream => ReportTable.WriteJsonLines(stream, rows), key);
            else
            {
                var record = EarlierLines.RecordFor(manifest);
                using var earlier = EarlierLines.Open(record, Path.Combine(outputPath, ArchiveData.JsonLinesPath), input.SiteKey, damage!);
                IReadOnlyList<WrittenLine> lines = [];
                output.Write(ArchiveData.JsonLinesPath, stream => lines = ReportTable.WriteJsonLines(stream, rows, earlier.Line), key);
                EarlierLines.Save(record, input.SiteKey, lines);
            }
            ahead?.Add(Path.Combine(output.StagingPath, ArchiveData.JsonLinesPath));
        }
        var sizes = paths.Select(p => SizeText(new FileInfo(Path.Combine(output.StagingPath, p)).Length)).ToList();
        return planner.PlanData(sizes[0], sizes[1]);
    }

    private static void WriteComplianceData(SiteInput input, PagePlanner planner, StagedOutput output)
    {
        var complianceData = planner.Research.ComplianceData();
        var complianceKey = Fingerprint.Of(input.SiteKey, complianceData);
        if (!output.TryReuse(ResearchPlanner.ComplianceDataPath, complianceKey))
            output.Write(ResearchPlanner.ComplianceDataPath, complianceData, complianceKey);
    }

    /// <summary>
    /// A region's comparison page, made again only when one of its reports changed: it is made from their bodies, which
    /// an unchanged archive does not read.
    /// </summary>
    private static void WriteComparison(SiteInput input, PagePlanner planner, Comparison comparison, StagedOutput output)
    {
        var key = new Fingerprint().Add(input.SiteKey).Add("compare");
        foreach (var report in comparison.Reports) key.Add(report.Slug).Add(report.SourceKey);
        var pageKey = key.Finish();
        if (output.TryReuse(comparison.Path, pageKey)) return;
        var page = planner.Research.Compare(comparison);
        output.Write(comparison.Path, input.Templates.RenderPage(page.Kind, page.Model), pageKey);
    }

    /// <summary>`sitegen export`: the same bytes as the site's data files, written to <paramref name="output"/>.</summary>
    public static int Export(string sourceRoot, bool jsonLines, Stream output)
    {
        var input = SiteInput.Load(sourceRoot);
        var findings = Findings.Gather(input.Reports, new BodyAnalyses());
        var rows = ArchiveData.Rows(input.Config, input.Reports, findings);
        if (jsonLines) ReportTable.WriteJsonLines(output, rows);
        else ReportTable.WriteCsv(output, rows);
        return input.Reports.Count;
    }

    private sealed class IndexOutput(StagedOutput output) : IIndexOutput
    {
        public void Write(string path, string text, string key) => output.Write(path, IndexFormat.FileBytes(text), key);

        public bool TryReuse(IReadOnlyList<string> paths, string key) => output.TryReuse(paths, key);
    }

    private static void CopyAssets(string sourceRoot, StagedOutput output)
    {
        var assets = Path.Combine(sourceRoot, TemplateSet.AssetsFolder);
        if (!Directory.Exists(assets)) return;
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            output.Copy("assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'), file);
    }

    private static void WriteFeeds(SiteInput input, IEnumerable<string> pagePaths, StagedOutput output)
    {
        var bySlugPath = input.Reports.ToDictionary(r => SitePaths.ReportPath(r.Slug), r => r.Date);
        output.Write(AtomFeed.Path, AtomFeed.Write(input.Config, input.Archive.Newest,
            report => report.Abstract ?? input.Bodies.For(report).Excerpt(RenderedBody.MaxExcerpt)));
        var sitemapPages = pagePaths
            .Where(path => path != SitePaths.NotFound)
            .Select(path => (path, bySlugPath.GetValueOrDefault(path)));
        output.Write(Sitemap.Path, Sitemap.Write(input.Config, sitemapPages));
        output.Write(Sitemap.RobotsPath, Sitemap.Robots(input.Config));
    }

    private static long WriteZip(SiteConfig config, string zipPath, StagedOutput output, string? previousZip, IReadOnlyDictionary<string, byte[]> zipOnly, DeflatedAhead? ahead)
    {
        var files = output.Files;
        return output.Write(zipPath, stream => OfflineZip.Write(output.StagingPath, files, config.ZipName, stream, previousZip, output.WasReused, zipOnly, ahead,
            IndexFormat.IsCompressed));
    }

    /// <summary>The zip's size as readers are told it: 3.2 MB, 575 MB.</summary>
    internal static string SizeText(long bytes)
    {
        var megabytes = bytes / 1048576.0;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return megabytes < 10 ? string.Create(invariant, $"{megabytes:0.0} MB") : string.Create(invariant, $"{megabytes:N0} MB");
    }
}

/// <summary>Everything a build reads, loaded and validated together so all problems are reported in one run.</summary>
internal sealed record SiteInput(SiteConfig Config, TemplateSet Templates, IReadOnlyList<Report> Reports, Archive Archive)
{
    public RenderedBodies Bodies { get; private init; } = new();

    /// <summary>The bodies' search unit counts, made as the reports are loaded (the index's typical length).</summary>
    public BodyUnitCounts BodyUnits { get; private init; } = new(null);

    /// <summary>The fingerprint of what every page depends on besides its own data.</summary>
    public string SiteKey { get; private init; } = "";

    /// <param name="read">Told of each report whose file was read, while its text is in memory (see <see cref="ContentLoader.Load"/>).</param>
    public static SiteInput Load(string sourceRoot, BuildCache? cache = null, Action<Report>? read = null)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfig.Load(sourceRoot, diagnostics);
        var templates = TemplateSet.Load(sourceRoot, diagnostics);
        var bodyUnits = new BodyUnitCounts(cache);
        var reports = ContentLoader.Load(sourceRoot, diagnostics, cache is null ? null : new ReportCache(cache), report =>
        {
            bodyUnits.Counted(report);
            read?.Invoke(report);
        });
        diagnostics.AddRange(Archive.Problems(reports));
        diagnostics.ThrowIfAny();
        return new SiteInput(config, templates!, reports, Archive.Arrange(reports))
        {
            Bodies = new RenderedBodies(cache is null ? null : new BodyCache(cache)),
            BodyUnits = bodyUnits,
            SiteKey = BuildCache.SiteKey(sourceRoot, SiteConfig.FileName, TemplateSet.Folder),
        };
    }
}
