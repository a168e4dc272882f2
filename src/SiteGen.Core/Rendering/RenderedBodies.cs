using SiteGen.Cache;
using SiteGen.Content;

namespace SiteGen.Rendering;

/// <summary>
/// Renders report bodies, or with a cache reads back what an earlier build rendered. Nothing is kept:
/// a build takes each body once for the report's page and its index entry together, and lets it go,
/// so memory does not grow with the archive.
/// </summary>
public sealed class RenderedBodies(BodyCache? cache = null)
{
    public RenderedBody For(Report report) => Render(report);

    /// <summary>A body rendered only if something asks for it, and then once.</summary>
    public Lazy<RenderedBody> Lazily(Report report) => new(() => Render(report));

    /// <summary>
    /// The fingerprint of what a body is rendered from: the report's file (which holds the Markdown) and
    /// SiteGen itself. Pages that show the body depend on it, not on its rendering; computing it reads nothing.
    /// </summary>
    public static string KeyOf(Report report) => Fingerprint.Of(BuildCache.ProgramVersion, "body", report.SourceKey);

    private RenderedBody Render(Report report)
    {
        if (cache is null) return MarkdownRenderer.Render(report.Body);
        var key = KeyOf(report);
        if (cache.Get(key) is { } cached) return cached;
        var body = MarkdownRenderer.Render(report.Body);
        cache.Put(key, body);
        return body;
    }
}
