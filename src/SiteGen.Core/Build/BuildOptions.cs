using SiteGen.Search.Format;

namespace SiteGen.Build;

public sealed record BuildOptions(string SourceRoot, string OutputPath)
{
    /// <summary>Told of each stage and each file written, for a progress display.</summary>
    public IBuildObserver Observer { get; init; } = IBuildObserver.None;

    /// <summary>Reuse what earlier builds made (kept in .sitegen/cache); false builds everything afresh.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Write the offline zip if site.yml asks for one; the preview does without it, as its readers are online.</summary>
    public bool OfflineZip { get; init; } = true;

    /// <summary>Where the site is served from, for the links of 404.html, which a host shows at any depth; by default base_url's path.</summary>
    public string? HostPath { get; init; }

    /// <summary>
    /// False leaves the research views out (analyses, data files, compliance, coverage, statistics and comparison
    /// pages): only so that the stages benchmark can measure what they cost within one commit. The site it makes still
    /// links to the pages it lacks.
    /// </summary>
    internal bool ResearchViews { get; init; } = true;

    /// <summary>Documents per segment of the search index, about (see <see cref="IndexSegments.Target"/>).</summary>
    internal SearchLayout SearchLayout { get; init; } = SearchLayout.Default;
}

public interface IBuildObserver
{
    static readonly IBuildObserver None = new Silent();

    void StageStarted(string stage, int total);
    void FileWritten(string path);

    private sealed class Silent : IBuildObserver
    {
        public void StageStarted(string stage, int total) { }
        public void FileWritten(string path) { }
    }
}

public sealed record BuildResult(int Reports, int Pages, int Files, long Bytes, long ZipBytes, TimeSpan Elapsed)
{
    /// <summary>Files taken unchanged from the previous build.</summary>
    public int Reused { get; init; }

    /// <summary>What the build did but a reader should know of (file:line:col, like errors).</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; init; } = [];
}
