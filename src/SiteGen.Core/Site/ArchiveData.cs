using SiteGen.Cache;
using SiteGen.Configuration;
using SiteGen.Content;
using SiteGen.Research;

namespace SiteGen.Site;

/// <summary>
/// The archive as data to take away: data/reports.csv and data/reports.jsonl, the same bytes `sitegen export`
/// prints, and the citation each report page shows.
/// </summary>
internal static class ArchiveData
{
    public const string Folder = "data";
    public const string CsvPath = "data/reports.csv";
    public const string JsonLinesPath = "data/reports.jsonl";
    public const string PagePath = "data/index.html";

    /// <summary>The report's page on the hosted archive (from base_url): where a citation points when the source's address is unknown.</summary>
    public static string PageUrl(SiteConfig config, Report report) => config.BaseUrl.TrimEnd('/') + "/" + SitePaths.ReportPath(report.Slug);

    public static Citation CitationOf(SiteConfig config, Report report) => Citation.For(report, report.Source.Url ?? PageUrl(config, report));

    /// <summary>One row a report, in slug order (stable, whatever the dates): bodies are read only as the JSONL asks.</summary>
    public static IEnumerable<ReportRow> Rows(SiteConfig config, IEnumerable<Report> reports, Findings findings) =>
        reports.OrderBy(r => r.Slug, StringComparer.Ordinal)
            .Select(r => new ReportRow(r, findings.For(r), PageUrl(config, r), CitationOf(config, r), findings,
                RowKey(r, findings)));

    /// <summary>What the data files are made from: every report's row, and where the site lives (in the site's key).</summary>
    public static string KeyOf(string siteKey, IEnumerable<Report> reports, Findings findings)
    {
        var fingerprint = new Fingerprint().Add(siteKey).Add("data");
        foreach (var report in reports.OrderBy(r => r.Slug, StringComparer.Ordinal)) fingerprint.Add(RowKey(report, findings));
        return fingerprint.Finish();
    }

    /// <summary>A row is made from its report's file (the slug included) and from how many paragraphs other reports share with it.</summary>
    private static string RowKey(Report report, Findings findings) =>
        Fingerprint.Of(report.Slug, report.SourceKey, findings.For(report).Shared.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
