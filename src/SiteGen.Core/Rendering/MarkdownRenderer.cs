using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Rendering;

/// <summary>A heading of the report body, for its table of contents.</summary>
internal sealed record TocEntry(int Level, string Text, string Id);

internal sealed record RenderedBody(string Html, IReadOnlyList<TocEntry> Toc, string PlainText);

/// <summary>
/// Renders a report body to HTML. Raw HTML in Markdown is shown as text, never passed through:
/// editors paste from web pages, and nothing pasted may run as script on the public site.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http:", "https:", "mailto:"];

    public static RenderedBody Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var toc = NumberHeadings(document);
        NeutraliseUnsafeLinks(document);
        var html = document.ToHtml(Pipeline);
        return new RenderedBody(html, toc, PlainText(document));
    }

    /// <summary>Gives headings ASCII ids (sec-1, sec-2…) so anchors survive any file system and URL encoding.</summary>
    private static List<TocEntry> NumberHeadings(MarkdownDocument document)
    {
        var toc = new List<TocEntry>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = $"sec-{toc.Count + 1}";
            heading.GetAttributes().Id = id;
            toc.Add(new TocEntry(heading.Level, InlineText(heading.Inline), id));
        }
        return toc;
    }

    private static void NeutraliseUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { } url && !IsSafe(url))
                link.Url = "#";
        foreach (var autolink in document.Descendants<AutolinkInline>())
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
                autolink.Url = "#";
    }

    /// <summary>Relative links and web links are fine; any other scheme (javascript:, data:, vbscript:) is not.</summary>
    private static bool IsSafe(string url)
    {
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        if (colon < 0) return true;
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true;
        return SafeSchemes.Any(s => trimmed.StartsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private static string PlainText(MarkdownDocument document)
    {
        var parts = document.Descendants<LeafBlock>()
            .Where(b => b.Inline is not null)
            .Select(b => InlineText(b.Inline));
        return string.Join("\n", parts);
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var item in inline.Descendants())
        {
            switch (item)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString();
    }
}
