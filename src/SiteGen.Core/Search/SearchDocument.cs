using SiteGen.Content;
using SiteGen.Rendering;

namespace SiteGen.Search;

/// <summary>A report as the search index sees it: three fields of plain text and the facts results show.</summary>
public sealed record SearchDocument(Report Report, string Title, string Meta, string Body)
{
    public string[] FieldTexts => [Title, Meta, Body];

    public static SearchDocument From(Report report, RenderedBody body) => new(
        report,
        report.Title,
        MetaOf(report),
        body.PlainText);

    /// <summary>The meta field: publisher, region, 文号, 索引号, type and keywords.</summary>
    public static string MetaOf(Report report) =>
        string.Join(" ", new[] { report.Publisher, report.Region.Display, report.DocNumber, report.IndexNumber, report.DocType }
            .Concat(report.Keywords).Where(s => !string.IsNullOrEmpty(s)));
}
