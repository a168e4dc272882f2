using System.Collections.Concurrent;
using SiteGen.Cache;
using SiteGen.Content;

namespace SiteGen.Rendering;

/// <summary>
/// Each report's Markdown rendered at most once per build and shared by the stages that need it (the
/// search index wants the plain text, the page the HTML, the feed an excerpt). With a cache, a body
/// rendered by an earlier build is read back instead, and one that nothing needs is never touched.
/// </summary>
public sealed class RenderedBodies(BodyCache? cache = null)
{
    private readonly ConcurrentDictionary<string, Lazy<RenderedBody>> _bodies = new(StringComparer.Ordinal);

    public RenderedBody For(Report report) => Lazily(report).Value;

    public Lazy<RenderedBody> Lazily(Report report) =>
        _bodies.GetOrAdd(report.Slug, _ => new Lazy<RenderedBody>(() => Render(report.Body)));

    /// <summary>The fingerprint of a body as Markdown: pages that show it depend on it, not on its rendering.</summary>
    public static string KeyOf(Report report) => Fingerprint.Of(BuildCache.ProgramVersion, report.Body);

    private RenderedBody Render(string markdown)
    {
        if (cache is null) return MarkdownRenderer.Render(markdown);
        var key = cache.KeyOf(markdown);
        if (cache.Get(key) is { } cached) return cached;
        var body = MarkdownRenderer.Render(markdown);
        cache.Put(key, body);
        return body;
    }
}
