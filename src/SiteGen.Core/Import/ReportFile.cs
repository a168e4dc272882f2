using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Content;

namespace SiteGen.Import;

/// <summary>Writes an imported report as a content file: YAML front matter in the schema's order, then the body.</summary>
internal static class ReportFile
{
    /// <summary>An ASCII file name from what is known: region code, year, type, and a short hash of the title.</summary>
    public static string FileName(ImportedReport report)
    {
        var parts = new List<string>();
        if (report.Region.Code is { } code) parts.Add(code);
        if (report.Year is { } year) parts.Add(year.ToString(CultureInfo.InvariantCulture));
        parts.Add(Vocabulary.DocTypePath(report.DocType));
        // Untitled pages all share one placeholder title: their text tells them apart.
        parts.Add(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(report.HasTitle ? report.Title : report.Body)))[..6]);
        return string.Join("-", parts) + ".md";
    }

    /// <summary>The content file: front matter (with <paramref name="sourceFile"/> as <c>source.file</c>), then the body.</summary>
    public static string Write(ImportedReport report, string? sourceFile) =>
        FrontMatterWriter.Write(sourceFile is null ? report : report with { Source = report.Source with { File = sourceFile } }) + report.Body;

}
