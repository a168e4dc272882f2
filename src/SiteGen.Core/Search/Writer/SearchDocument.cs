using SiteGen.Content;
using SiteGen.Rendering;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>A report as the search index sees it: three fields of plain text and the facts results show.</summary>
internal sealed record SearchDocument(Report Report, string Title, string Meta, string Body)
{
    public string[] FieldTexts => [Title, Meta, Body];

    /// <summary>The meta field and the body's first characters, and whether the body goes on: most snippets need no more.</summary>
    /// <summary>The body after its head: what a text file holds, so that no character is stored twice.</summary>
    public string Rest => Body[Head().Body.Length..];

    public TextHead Head()
    {
        var length = Math.Min(Body.Length, IndexFormat.HeadLength);
        if (length < Body.Length && char.IsHighSurrogate(Body[length - 1])) length--; // never half a character
        return new TextHead(Meta, Body[..length], length < Body.Length);
    }

    public static SearchDocument From(Report report, RenderedBody body) => new(
        report,
        report.Title,
        MetaOf(report),
        body.Whole ? body.PlainText : throw new ArgumentException("the index takes a body's whole text", nameof(body)));

    /// <summary>
    /// The meta field: publisher, region, 文号, 索引号, type and keywords, one a line, so that a snippet can show
    /// the item a query matched (a 文号, say) rather than all of them.
    /// </summary>
    public static string MetaOf(Report report) =>
        string.Join(IndexFormat.MetaSeparator, new[] { report.Publisher, report.Region.Display, report.DocNumber, report.IndexNumber, report.DocType }
            .Concat(report.Keywords).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!.ReplaceLineEndings(" ")));
}

/// <summary>What the index makes of a document, kept between builds: its terms, and the head of its text.</summary>
internal sealed record InvertedDocument(DocumentTerms.Encoded Terms, TextHead Head);
