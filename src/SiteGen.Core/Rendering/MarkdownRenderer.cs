using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Rendering;

/// <summary>A heading of the report body, for its table of contents.</summary>
internal sealed record TocEntry(int Level, string Text, string Id);

/// <param name="PlainText">The body as text; only its start when not <see cref="Whole"/> (see <see cref="Shortened"/>).</param>
internal sealed record RenderedBody(string Html, IReadOnlyList<TocEntry> Toc, string PlainText)
{
    /// <summary>The longest excerpt a page or the feed shows.</summary>
    public const int MaxExcerpt = 200;

    /// <summary>Whether <see cref="PlainText"/> is all of the body's text: the search index takes the whole.</summary>
    public bool Whole { get; init; } = true;

    /// <summary>The text's start, each run of white space shown as one space, cut at <paramref name="length"/> characters with "…".</summary>
    public string Excerpt(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxExcerpt);
        // Only what the excerpt shows is looked at: splitting whole bodies (30,000 characters) for 120 of them was 0.7 s of a 10,000-report build.
        var flat = new System.Text.StringBuilder(length + 1);
        return Flatten(PlainText, flat, length) < 0 ? flat.ToString() : flat.ToString(0, length) + "…";
    }

    /// <summary>
    /// This body with only as much text as any excerpt reads (up to <see cref="MaxExcerpt"/> characters after white space
    /// is run together, and one more): what the cache keeps, as the text is half of a body and only the index, which has
    /// its own cache, needs it whole.
    /// </summary>
    public RenderedBody Shortened()
    {
        var end = Flatten(PlainText, new System.Text.StringBuilder(MaxExcerpt + 1), MaxExcerpt);
        return end < 0 ? this : this with { PlainText = PlainText[..end], Whole = false };
    }

    /// <summary>Appends the text, white space run together, until it holds more than <paramref name="length"/> characters; returns where it stopped, or -1 at the text's end.</summary>
    private static int Flatten(string text, System.Text.StringBuilder flat, int length)
    {
        var spaced = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                spaced = flat.Length > 0;
                continue;
            }
            if (spaced) flat.Append(' ');
            spaced = false;
            flat.Append(c);
            if (flat.Length > length) return i + 1;
        }
        return -1;
    }
}

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
