using System.Collections.Concurrent;
using SiteGen.Content;

namespace SiteGen.Rendering;

/// <summary>
/// Each report's Markdown rendered once per build and shared by the stages that need it (the search
/// index wants the plain text, the page the HTML, the feed an excerpt), instead of once per stage.
/// </summary>
public sealed class RenderedBodies
{
    private readonly ConcurrentDictionary<string, Lazy<RenderedBody>> _bodies = new(StringComparer.Ordinal);

    public RenderedBody For(Report report) =>
        _bodies.GetOrAdd(report.Slug, _ => new Lazy<RenderedBody>(() => MarkdownRenderer.Render(report.Body))).Value;
}
