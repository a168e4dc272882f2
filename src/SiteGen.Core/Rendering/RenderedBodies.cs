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
    public RenderedBody For(Report report) => Render(report.Body);

    /// <summary>A body rendered only if something asks for it, and then once.</summary>
    public Lazy<RenderedBody> Lazily(Report report) => new(() => Render(report.Body));

    /// <summary>The fingerprint of a body as Markdown: pages that show it depend on it, not on its rendering.</summary>
    public static string KeyOf(Report report) => BodyCache.KeyOf(report.Body);

    private RenderedBody Render(string markdown)
    {
        if (cache is null) return MarkdownRenderer.Render(markdown);
        var key = BodyCache.KeyOf(markdown);
        if (cache.Get(key) is { } cached) return cached;
        var body = MarkdownRenderer.Render(markdown);
        cache.Put(key, body);
        return body;
    }
}
