using System.Diagnostics;
using SiteGen.Configuration;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Feeds;
using SiteGen.Output;
using SiteGen.Rendering;
using SiteGen.Search;
using SiteGen.Site;

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
        var input = SiteInput.Load(options.SourceRoot);
        var observer = options.Observer;

        using var output = StagedOutput.Begin(options.OutputPath, options.SourceRoot);
        var zipPath = input.Config.OfflineZip ? OfflineZip.PathFor(input.Config.ZipName) : null;

        observer.StageStarted("搜索索引", input.Reports.Count);
        var searchIndex = WriteSearchIndex(input, output);
        var pages = new PagePlanner(input.Config, input.Archive, zipPath, searchIndex, input.Bodies).Plan().ToList();

        observer.StageStarted("渲染页面", pages.Count);
        Work.ForEach(pages, page =>
        {
            output.Write(page.Model.Path, input.Templates.RenderPage(page.Kind, page.Model));
            observer.FileWritten(page.Model.Path);
        });

        observer.StageStarted("复制源文件与资源", input.Reports.Count);
        foreach (var report in input.Reports)
        {
            output.Write(SitePaths.ReportSource(report.Slug), report.SourceText);
            observer.FileWritten(SitePaths.ReportSource(report.Slug));
        }
        CopyAssets(options.SourceRoot, output);

        observer.StageStarted("订阅与站点地图", 3);
        WriteFeeds(input, pages, output);

        long zipBytes = 0;
        if (zipPath is not null)
        {
            observer.StageStarted("离线压缩包", 1);
            zipBytes = WriteZip(input.Config, zipPath, output);
            observer.FileWritten(zipPath);
        }

        var result = new BuildResult(input.Reports.Count, pages.Count, output.Files.Count, output.Bytes, zipBytes, TimeSpan.Zero);
        output.Commit();
        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>Validates everything a build reads, and renders every page in memory; writes nothing.</summary>
    public static int Check(string sourceRoot)
    {
        var input = SiteInput.Load(sourceRoot);
        var pages = new PagePlanner(input.Config, input.Archive, null, null, input.Bodies).Plan().ToList();
        Work.ForEach(pages, page => input.Templates.RenderPage(page.Kind, page.Model));
        return input.Reports.Count;
    }

    private static string WriteSearchIndex(SiteInput input, StagedOutput output)
    {
        var documents = input.Archive.Newest.AsParallel().AsOrdered().Select(r => SearchDocument.From(r, input.Bodies)).ToList();
        var manifest = SearchIndexWriter.Write(documents, output.Write);
        using var runtime = typeof(SearchIndexWriter).Assembly.GetManifestResourceStream("search.js")!;
        output.Write(SitePaths.SearchRuntime, stream => runtime.CopyTo(stream));
        return manifest;
    }

    private static void CopyAssets(string sourceRoot, StagedOutput output)
    {
        var assets = Path.Combine(sourceRoot, TemplateSet.AssetsFolder);
        if (!Directory.Exists(assets)) return;
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            output.Copy("assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'), file);
    }

    private static void WriteFeeds(SiteInput input, IReadOnlyList<PlannedPage> pages, StagedOutput output)
    {
        var bySlugPath = input.Reports.ToDictionary(r => SitePaths.ReportPage(r.Slug), r => r.Date);
        output.Write(AtomFeed.Path, AtomFeed.Write(input.Config, input.Archive.Newest,
            report => report.Abstract ?? PagePlanner.Excerpt(input.Bodies.For(report).PlainText, 200)));
        var sitemapPages = pages
            .Where(p => p.Model.Path != SitePaths.NotFound)
            .Select(p => (p.Model.Path, bySlugPath.GetValueOrDefault(p.Model.Path)));
        output.Write(Sitemap.Path, Sitemap.Write(input.Config, sitemapPages));
        output.Write(Sitemap.RobotsPath, Sitemap.Robots(input.Config));
    }

    private static long WriteZip(SiteConfig config, string zipPath, StagedOutput output)
    {
        var files = output.Files;
        return output.Write(zipPath, stream => OfflineZip.Write(output.StagingPath, files, config.ZipName, stream));
    }
}

/// <summary>Everything a build reads, loaded and validated together so all problems are reported in one run.</summary>
internal sealed record SiteInput(SiteConfig Config, TemplateSet Templates, IReadOnlyList<Report> Reports, Archive Archive)
{
    public RenderedBodies Bodies { get; } = new();

    public static SiteInput Load(string sourceRoot)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfig.Load(sourceRoot, diagnostics);
        var templates = TemplateSet.Load(sourceRoot, diagnostics);
        var reports = ContentLoader.Load(sourceRoot, diagnostics);
        diagnostics.ThrowIfAny();
        return new SiteInput(config, templates!, reports, Archive.Arrange(reports));
    }
}
