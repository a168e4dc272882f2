using SiteGen.Cache;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Rendering;

/// <summary>
/// Renders report bodies, or with a cache reads back what an earlier build rendered. Nothing is kept:
/// a build takes each body once for the report's page and its index entry together, and lets it go,
/// so memory does not grow with the archive.
/// </summary>
internal sealed class RenderedBodies(BodyCache? cache = null)
{
    public RenderedBody For(Report report) => Render(report);

    /// <summary><paramref name="body"/> with all its text: rendered again when the cache kept only its start (<see cref="BodyCache.Put"/>).</summary>
    public RenderedBody WithWholeText(Report report, RenderedBody body) => body.Whole ? body : Markdown(report);

    /// <summary>A body rendered only if something asks for it, and then once.</summary>
    public Lazy<RenderedBody> Lazily(Report report) => new(() => Render(report));

    /// <summary>
    /// The fingerprint of what a body is rendered from: the report's file (which holds the Markdown) and
    /// SiteGen itself. Pages that show the body depend on it, not on its rendering; computing it reads nothing.
    /// </summary>
    public static string KeyOf(Report report) => Fingerprint.Of(BuildCache.ProgramVersion, "body", report.SourceKey);

    private RenderedBody Render(Report report)
    {
        if (cache is null) return Markdown(report);
        var key = KeyOf(report);
        if (cache.Get(key) is { } cached) return cached;
        var body = Markdown(report);
        cache.Put(key, body);
        return body;
    }

    /// <summary>The body through Markdig; a body it cannot take (nesting past its limits) is the report's error, named there.</summary>
    private static RenderedBody Markdown(Report report)
    {
        try
        {
            return MarkdownRenderer.Render(report.Body);
        }
        catch (Exception e) when (e is not SiteGenException and not IOException and not OutOfMemoryException)
        {
            throw new SiteGenException(new Diagnostic(report.SourcePath, report.BodyLine, 1,
                $"the Markdown body cannot be rendered ({e.GetBaseException().Message.Split('\n')[0].Trim()}); is it nested too deeply?"));
        }
    }
}
