using System.Text.RegularExpressions;
using SiteGen.Rendering;

namespace SiteGen.Research;

/// <summary>A required content found under a heading of the report, with the heading's anchor on its page.</summary>
internal sealed record SectionFound(string Code, string Heading, string Id);

/// <summary>
/// The five contents the 2019 rules ask a yearly report to hold, found by the headings that introduce them in the
/// wordings reports use: 主要举措和成效 / 主要工作 / 工作开展情况; 存在的不足和原因 / 存在问题; 第一责任人职责;
/// 下一年度主要安排 / 下一步工作打算; 其他需要报告的情况.
/// </summary>
internal static partial class RequiredSections
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("measures", "主要举措和成效"),
        ("shortcomings", "存在的不足和原因"),
        ("responsibility", "党政主要负责人履行第一责任人职责情况"),
        ("plans", "下一年度主要安排"),
        ("other", "其他需要报告的情况"),
    ];

    /// <summary>The first heading that introduces each required content, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<SectionFound> Find(IReadOnlyList<TocEntry> headings)
    {
        var found = new Dictionary<string, SectionFound>();
        foreach (var heading in headings)
            foreach (var code in CodesOf(heading.Text))
                found.TryAdd(code, new SectionFound(code, heading.Text, heading.Id));
        if (!found.ContainsKey("measures") && TopicalMeasures(headings, found.Values) is { } topical)
            found["measures"] = new SectionFound("measures", topical.Text, topical.Id);
        return All.Where(s => found.ContainsKey(s.Code)).Select(s => found[s.Code]).ToList();
    }

    /// <summary>
    /// A report set out by topic (一、依法全面履行政府职能 二、完善依法行政制度体系 …) reports its measures under those
    /// headings: the first top-level heading that names no required content, when it comes before every one that does.
    /// </summary>
    private static TocEntry? TopicalMeasures(IReadOnlyList<TocEntry> headings, IEnumerable<SectionFound> found)
    {
        if (headings.Count == 0) return null;
        var top = headings.Min(h => h.Level);
        var first = headings.FirstOrDefault(h => h.Level == top && !CodesOf(h.Text).Any());
        if (first is null) return null;
        var position = headings.ToList().IndexOf(first);
        return found.All(f => headings.ToList().FindIndex(h => h.Id == f.Id) > position) ? first : null;
    }

    /// <summary>What a heading introduces: none, one, or two (存在的问题及下一步打算).</summary>
    public static IEnumerable<string> CodesOf(string heading)
    {
        if (Other().IsMatch(heading)) { yield return "other"; yield break; }
        // 党政主要负责人履行推进法治建设第一责任人职责情况 also says 推进法治建设…情况: it is the responsibility section only.
        if (Responsibility().IsMatch(heading)) { yield return "responsibility"; yield break; }
        if (Measures().IsMatch(heading)) yield return "measures";
        if (Shortcomings().IsMatch(heading)) yield return "shortcomings";
        if (Plans().IsMatch(heading)) yield return "plans";
    }

    [GeneratedRegex(@"主要(举措|措施|做法|成效)|主要工作(?!安排|打算|计划|思路|要点)|工作(举措|措施|成效|开展情况|进展)|取得的?(成效|成绩)|(推进|开展)法治政府建设(的?(情况|工作|举措))|^[一二三四五六七八九十]+、.{0,12}(成效|成绩)|重点工作(完成|推进)情况")]
    private static partial Regex Measures();

    [GeneratedRegex(@"不足|存在的?(主要)?问题|问题和原因|短板|差距|薄弱环节")]
    private static partial Regex Shortcomings();

    [GeneratedRegex(@"第一责任人|主要负责人.{0,12}职责|(党政|主要)负责同志.{0,12}职责")]
    private static partial Regex Responsibility();

    [GeneratedRegex(@"下一?步|下一年度?|(明|来)年|今后|(工作|主要)(打算|安排|计划|思路)|努力方向")]
    private static partial Regex Plans();

    [GeneratedRegex(@"其他需要?报告|其他(事项|情况)")]
    private static partial Regex Other();
}
