using SiteGen.Content;

namespace SiteGen.Research;

/// <summary>
/// Whether a yearly report came out in time. 《法治政府建设与责任落实督察工作规定》(2019) art. 24 asks for the year's
/// report before 1 April of the next; the 2015–2020 纲要 before it asked for the first quarter: either way the last
/// day is 31 March.
/// </summary>
/// <param name="DaysLate">Days after the deadline the report was published (negative: early); null when the date is unknown.</param>
internal sealed record Timeliness(DateOnly Deadline, int? DaysLate)
{
    public bool? OnTime => DaysLate is { } days ? days <= 0 : null;

    /// <summary>The document types the rules ask to publish each year (and to hold the required sections).</summary>
    public static bool Applies(ReportFields report) => report.DocType is "年度报告" or "情况报告" && report.Year is not null;

    public static Timeliness? Of(ReportFields report)
    {
        if (!Applies(report)) return null;
        var deadline = new DateOnly(report.Year!.Value + 1, 3, 31);
        return new Timeliness(deadline, report.DatePublished is { } published ? published.DayNumber - deadline.DayNumber : null);
    }
}
