using System.Buffers;
using System.Text;

namespace SiteGen.Rendering;

/// <summary>
/// HTML that SiteGen made itself (a rendered body, a page inside the layout, an included partial) and so
/// writes as it is. Everything else a template outputs is text and is escaped; there is no way for a
/// template to turn text into trusted HTML, so a report's fields can never become markup.
/// </summary>
internal sealed record TrustedHtml(string Html)
{
    public static readonly TrustedHtml Empty = new("");

    public override string ToString() => Html;

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    /// <summary>Escapes text for HTML content and quoted attribute values alike.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }
}
