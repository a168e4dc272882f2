using SiteGen.Content;

namespace SiteGen.Research;

/// <summary>Timeliness and completeness of a group of yearly reports: counts, and rates where a count has a base.</summary>
/// <param name="Dated">Reports whose publication date is known: the base of the on-time rate.</param>
/// <param name="Sections">For each required section (in <see cref="RequiredSections.All"/> order), how many reports hold it.</param>
internal sealed record ComplianceRow(string Group, int Reports, int Dated, int OnTime, int Complete, IReadOnlyList<int> Sections)
{
    public int Late => Dated - OnTime;
    public double? OnTimeRate => Dated == 0 ? null : OnTime / (double)Dated;
    public double? CompleteRate => Reports == 0 ? null : Complete / (double)Reports;
}

/// <summary>
/// Counts the yearly reports (年度报告 and 情况报告) by a grouping. Complete means the four contents every report
/// has to give: measures, shortcomings, the first-responsible-person duty and plans (其他需要报告的情况 is asked only
/// where there is something to report).
/// </summary>
internal static class Compliance
{
    public static readonly IReadOnlyList<string> Essential = ["measures", "shortcomings", "responsibility", "plans"];

    public static bool IsComplete(ReportAnalysis analysis) =>
        analysis.Sections is { } found && Essential.All(code => found.Any(f => f.Code == code));

    /// <param name="groupOf">The group a report falls in; reports in no group (null) are left out.</param>
    public static IReadOnlyList<ComplianceRow> By(IEnumerable<(Report Report, ReportAnalysis Analysis)> reports, Func<Report, string?> groupOf,
        IComparer<string> order) =>
        reports.Where(r => r.Analysis.Timeliness is not null)
            .Select(r => (Group: groupOf(r.Report), r.Analysis))
            .Where(r => r.Group is not null)
            .GroupBy(r => r.Group!)
            .OrderBy(g => g.Key, order)
            .Select(g => Row(g.Key, g.Select(r => r.Analysis).ToList()))
            .ToList();

    public static ComplianceRow Row(string group, IReadOnlyList<ReportAnalysis> analyses) => new(
        group,
        analyses.Count,
        analyses.Count(a => a.Timeliness!.OnTime is not null),
        analyses.Count(a => a.Timeliness!.OnTime == true),
        analyses.Count(IsComplete),
        RequiredSections.All.Select(s => analyses.Count(a => a.Sections!.Any(f => f.Code == s.Code))).ToList());
}
