using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Import;

/// <summary>Saved web pages (.html) become the same line-per-block text a copied page gives.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "BR", "LI", "TR", "H1", "H2", "H3", "H4", "H5", "H6", "TABLE", "UL", "OL", "SECTION", "ARTICLE",
        "HEADER", "FOOTER", "NAV", "TITLE", "DT", "DD", "BLOCKQUOTE", "PRE", "HR", "CENTER",
    ];

    public static bool IsHtml(string path, string text)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".html" or ".htm" or ".shtml" or ".xhtml") return true;
        var start = text.TrimStart()[..Math.Min(200, text.TrimStart().Length)].ToLowerInvariant();
        return start.StartsWith("<!doctype html") || start.StartsWith("<html");
    }

    public static string ToLines(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var junk in document.QuerySelectorAll("script, style, noscript, template").ToList()) junk.Remove();
        var text = new System.Text.StringBuilder();
        Append(document.Body ?? (INode)document.DocumentElement, text);
        return text.ToString();
    }

    private static void Append(INode node, System.Text.StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
            else if (child is IElement e)
            {
                var block = Blocks.Contains(e.TagName);
                if (block) text.Append('\n');
                if (e.TagName == "TD" || e.TagName == "TH") text.Append(' ');
                Append(e, text);
                if (block) text.Append('\n');
            }
        }
    }
}
