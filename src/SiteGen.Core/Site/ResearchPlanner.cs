using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Content;
using SiteGen.Research;

namespace SiteGen.Site;

/// <summary>The research pages: compliance (by year and province, and each year's shortfalls), statistics and coverage.</summary>
internal sealed class ResearchPlanner(SiteInfo site, Archive archive, Findings findings)
{
    public const string ComplianceFolder = "compliance";
    public const string CompliancePath = "compliance/index.html";
    public const string ComplianceDataPath = "compliance/data.js";
    public const string StatsPath = "stats/index.html";
    public const string CoverageFolder = "coverage";
    public const string CoveragePath = "coverage/index.html";
    public const string CompareFolder = "compare";

    private readonly List<(Report Report, ReportAnalysis Analysis)> _yearly =
        archive.Newest.Select(r => (r, findings.For(r))).Where(r => r.Item2.Timeliness is not null).OrderBy(r => r.r.Slug, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A year's list of late, undated and incomplete reports longer than this is split, a page a province, as a long
    /// listing is paginated: at 10,000 reports a year's list was about 1,000 rows and 280 KB, too much for a phone.
    /// </summary>
    public const int MaxListed = 300;

    public static string YearPage(int year) => $"{ComplianceFolder}/{year.ToString(CultureInfo.InvariantCulture)}.html";

    /// <param name="province">The province's listing; null for the reports whose province is not known.</param>
    public static string YearPage(int year, Listing? province) =>
        $"{ComplianceFolder}/{year.ToString(CultureInfo.InvariantCulture)}/{province?.Folder.Split('/')[^1] ?? "unknown"}.html";
    public static string CoveragePage(string provinceFolder) => $"{CoverageFolder}/{provinceFolder.Split('/')[^1]}.html";

    public IEnumerable<PlannedPage> Plan()
    {
        if (!findings.Views) yield break;
        yield return Compliance();
        foreach (var page in Years().SelectMany(ComplianceYear)) yield return page;
        yield return Stats();
        yield return CoverageIndex();
        foreach (var province in archive.Provinces) yield return Coverage(province);
    }

    private IEnumerable<int> Years() => _yearly.Select(r => r.Report.Year!.Value).Distinct().OrderDescending();

    private IReadOnlyList<string> Levels() => Vocabulary.Levels.Where(l => _yearly.Any(r => r.Report.Level == l)).ToList();

    private IReadOnlyList<string> Provinces() => archive.Provinces.Select(p => p.Name).Where(p => _yearly.Any(r => r.Report.Region.Province == p)).ToList();

    private PlannedPage Compliance()
    {
        var provinceOrder = Comparer<string>.Create((a, b) => ProvinceIndex(a).CompareTo(ProvinceIndex(b)));
        var byYear = Research.Compliance.By(_yearly, r => r.Year!.Value.ToString(CultureInfo.InvariantCulture),
            Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));
        var byProvince = Research.Compliance.By(_yearly, r => r.Region.Province, provinceOrder);
        var total = Research.Compliance.Row("合计", _yearly.Select(r => r.Analysis).ToList());
        return new PlannedPage("compliance", new CompliancePage
        {
            Site = site, Path = CompliancePath, Title = "发布时效与内容完整性", Section = "compliance",
            ByYear = new ComplianceTable("按年度", "年度", byYear.Select(r => Line(r, YearPage(int.Parse(r.Group, CultureInfo.InvariantCulture)))).ToList(), Line(total, null)),
            ByProvince = new ComplianceTable("按省份", "省份", byProvince.Select(r => Line(r, ProvinceCoverage(r.Group))).ToList(), Line(total, null)),
            SectionNames = RequiredSections.All.Select(s => s.Name).ToList(),
            DataScript = ComplianceDataPath,
            Years = Years().Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
            Levels = Levels(),
            Provinces = Provinces(),
        });
    }

    private int ProvinceIndex(string name) => archive.Provinces.ToList().FindIndex(p => p.Name == name);

    private string? ProvinceCoverage(string province) => archive.Provinces.FirstOrDefault(p => p.Name == province) is { } listing ? CoveragePage(listing.Folder) : null;

    private static ComplianceLine Line(ComplianceRow row, string? url) =>
        new(row.Group, url, row.Reports, row.Dated, row.OnTime, row.Late, Percent(row.OnTimeRate), row.Complete, Percent(row.CompleteRate), row.Sections);

    /// <summary>A rate as the compliance pages show it (compliance.js recomputes it the same way: tests/vectors/compliance.json).</summary>
    internal static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A year's page, and when its list is longer than <see cref="MaxListed"/>, a page for each province's part of it.</summary>
    private IEnumerable<PlannedPage> ComplianceYear(int year)
    {
        var ofYear = _yearly.Where(r => r.Report.Year == year).ToList();
        var shortfalls = ofYear.Where(r => r.Analysis.Timeliness!.OnTime != true || !Research.Compliance.IsComplete(r.Analysis))
            .OrderBy(r => r.Report.Region.Province ?? "\uffff", StringComparer.Ordinal).ThenBy(r => r.Report.Slug, StringComparer.Ordinal)
            .ToList();
        var split = shortfalls.Count > MaxListed;
        // In the archive's province order; the reports whose province is not known last.
        var parts = !split ? [] : shortfalls.GroupBy(r => r.Report.Region.Province)
            .OrderBy(g => g.Key is null ? int.MaxValue : ProvinceIndex(g.Key))
            .Select(g => (g.Key, Province: archive.Provinces.FirstOrDefault(p => p.Name == g.Key), Name: g.Key ?? "地区不详", Reports: g.ToList())).ToList();
        var yearPage = YearPage(year);
        yield return new PlannedPage("compliance-year", new ComplianceYearPage
        {
            Site = site, Path = yearPage, Title = $"{year}年度报告的时效与完整性", Section = "compliance",
            Heading = $"{year}年度：逾期、日期不详或缺少规定内容的报告",
            Checked = ofYear.Count,
            Shortfalls = shortfalls.Count,
            Items = split ? [] : shortfalls.Select(r => Item(r.Report, r.Analysis)).ToList(),
            Parts = parts.Select(p => new CompliancePart(p.Name, YearPage(year, p.Province), p.Reports.Count)).ToList(),
            Levels = Levels(),
            Provinces = Provinces(),
            Breadcrumbs = [new Link("发布时效与内容完整性", CompliancePath)],
        });
        foreach (var part in parts)
            yield return new PlannedPage("compliance-year", new ComplianceYearPage
            {
                Site = site, Path = YearPage(year, part.Province), Title = $"{year}年度报告的时效与完整性：{part.Name}", Section = "compliance",
                Heading = $"{year}年度·{part.Name}：逾期、日期不详或缺少规定内容的报告",
                Checked = ofYear.Count(r => r.Report.Region.Province == part.Key),
                Shortfalls = part.Reports.Count,
                Items = part.Reports.Select(r => Item(r.Report, r.Analysis)).ToList(),
                Parts = [],
                Levels = Levels(),
                Provinces = [],
                Breadcrumbs = [new Link("发布时效与内容完整性", CompliancePath), new Link($"{year}年度", yearPage)],
            });
    }

    private static ComplianceItem Item(Report report, ReportAnalysis analysis)
    {
        var (text, style) = TimelinessText.Of(analysis.Timeliness!);
        var missing = Research.Compliance.Essential.Where(code => analysis.Sections!.All(f => f.Code != code))
            .Select(code => RequiredSections.All.First(s => s.Code == code).Name).ToList();
        return new ComplianceItem(report.Title, SitePaths.ReportPath(report.Slug), report.Region.Province, report.Level,
            PagePlanner.ChineseDate(report.DatePublished), text, style, missing);
    }

    /// <summary>What the filters of compliance/index.html recompute the tables from: one short array a yearly report.</summary>
    public string ComplianceData()
    {
        var levels = Levels().ToList();
        var provinces = Provinces().ToList();
        var data = new
        {
            sections = RequiredSections.All.Count,
            essential = Research.Compliance.Essential.Select(code => RequiredSections.All.ToList().FindIndex(s => s.Code == code)),
            levels,
            provinces,
            provinceUrls = provinces.Select(ProvinceCoverage),
            // year, level (index or -1), province (index or -1), on time (1, 0, -1 unknown), bit i: section i found
            reports = _yearly.Select(r => new[]
            {
                r.Report.Year!.Value, levels.IndexOf(r.Report.Level ?? ""), provinces.IndexOf(r.Report.Region.Province ?? ""),
                r.Analysis.Timeliness!.OnTime switch { true => 1, false => 0, null => -1 },
                RequiredSections.All.Select((s, i) => r.Analysis.Sections!.Any(f => f.Code == s.Code) ? 1 << i : 0).Sum(),
            }),
        };
        return "window.SiteGenCompliance = " + JsonSerializer.Serialize(data, Json) + ";\n";
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    private PlannedPage Stats()
    {
        var all = archive.Newest;
        var yearly = _yearly;
        var years = all.Where(r => r.Year is not null).Select(r => r.Year!.Value).Distinct().Order().ToList();
        return new PlannedPage("stats", new StatsPage
        {
            Site = site, Path = StatsPath, Title = "统计", Section = "stats",
            Charts =
            [
                Chart("by-year", "各年度的报告数", "份数", years.Select(y => ($"{y}年", (double)all.Count(r => r.Year == y))), Count, "按报告所涉年度计，年度不详的不计。"),
                Chart("by-province", "各省份的报告数", "份数", archive.Provinces.Select(p => (p.Name, (double)p.Reports.Count)), Count, "地区不详的不计。"),
                Chart("by-level", "各层级的报告数", "份数", Vocabulary.Levels.Select(l => (l, (double)all.Count(r => r.Level == l))).Where(b => b.Item2 > 0), Count, "按发布机构的层级计。"),
                Chart("by-type", "各类型的报告数", "份数", Vocabulary.DocTypeNames.Select(t => (t, (double)all.Count(r => r.DocType == t))).Where(b => b.Item2 > 0), Count, ""),
                Chart("on-time", "按时公开率（按年度）", "按时公开率",
                    years.Select(y => (Year: y, Row: Research.Compliance.Row("", yearly.Where(r => r.Report.Year == y).Select(r => r.Analysis).ToList())))
                        .Where(x => x.Row.Dated > 0).Select(x => ($"{x.Year}年", x.Row.OnTimeRate!.Value * 100)), v => v.ToString("0.#", CultureInfo.InvariantCulture) + "%",
                    "年度报告与情况报告中，发布日期已知者于次年3月31日前（含）发布的比例。", max: 100),
                Chart("length", "正文字数中位数（按年度）", "字数", years.Select(y => ($"{y}年", Median(all.Where(r => r.Year == y).Select(r => findings.For(r).Chars)))), Count,
                    "正文中的汉字、字母和数字。"),
            ],
        });
    }

    private static string Count(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
    }

    private static Chart Chart(string id, string title, string heading, IEnumerable<(string Label, double Value)> values, Func<double, string> shown, string note, double? max = null)
    {
        var bars = values.ToList();
        var longest = max ?? (bars.Count == 0 ? 1 : Math.Max(1, bars.Max(b => b.Value)));
        return new Chart(id, title, heading, bars.Select(b => new Bar(b.Label, shown(b.Value), Math.Round(b.Value / longest * 100, 2))).ToList(), note);
    }

    private PlannedPage CoverageIndex() => new("coverage-index", new CoverageIndexPage
    {
        Site = site, Path = CoveragePath, Title = "收录情况", Section = "coverage",
        Provinces = archive.Provinces.Select(p => new GroupEntry(p.Name, CoveragePage(p.Folder), p.Reports.Count(IsYearly), [])).ToList(),
    });

    private bool IsYearly(Report report) => Timeliness.Applies(report);

    private PlannedPage Coverage(Listing province)
    {
        var years = province.Reports.Where(IsYearly).Select(r => r.Year!.Value).Distinct().Order().ToList();
        var rows = new List<CoverageRow>();
        void Walk(Listing region, int depth)
        {
            var own = region.Reports.Where(r => IsYearly(r) && archive.RegionOfReport[r.Slug] == region).ToList();
            // A city shows as a row when any county under it has reports, so each county stands under its city.
            if (depth == 0 || region.Reports.Any(IsYearly))
                rows.Add(new CoverageRow(region.Name, region.Url, depth, years.Select(y => new CoverageCell(
                    own.Where(r => r.Year == y).OrderBy(r => r.Slug, StringComparer.Ordinal).Select(Mark).ToList())).ToList()));
            foreach (var child in region.Children) Walk(child, depth + 1);
        }
        Walk(province, 0);
        return new PlannedPage("coverage", new CoveragePage
        {
            Site = site, Path = CoveragePage(province.Folder), Title = $"{province.Name}：收录情况", Section = "coverage",
            Heading = $"{province.Name}：各地区各年度的年度报告", Years = years, Rows = rows,
            Breadcrumbs = [new Link("收录情况", CoveragePath)],
        });
    }

    /// <summary>Every region with yearly reports of at least two years: each gets a comparison page (none without the research views).</summary>
    public IReadOnlyList<Comparison> Comparisons => _comparisons ??= findings.Views ? ComparedRegions() : [];
    private IReadOnlyList<Comparison>? _comparisons;

    private List<Comparison> ComparedRegions() => archive.Newest
        .Where(r => IsYearly(r) && archive.RegionOfReport.ContainsKey(r.Slug))
        .GroupBy(r => archive.RegionOfReport[r.Slug])
        .Where(g => g.Select(r => r.Year).Distinct().Count() >= 2)
        .Select(g => new Comparison($"{CompareFolder}/{g.Key.Folder.Split('/')[^1]}.html", g.Key.Name,
            g.OrderBy(r => r.Year).ThenBy(r => r.Slug, StringComparer.Ordinal).ToList()))
        .OrderBy(c => c.Path, StringComparer.Ordinal).ToList();

    /// <summary>Where a report is compared with its region's report of an earlier year (与上一年对比), if there is one.</summary>
    public string? ComparisonOf(Report report)
    {
        _compared ??= Comparisons.SelectMany(c => Pairs(c).Select(p => (p.Newer.Slug, Url: $"{c.Path}#{p.Newer.Slug}")))
            .ToDictionary(p => p.Slug, p => p.Url, StringComparer.Ordinal);
        return _compared.GetValueOrDefault(report.Slug);
    }
    private Dictionary<string, string>? _compared;

    /// <summary>Each report with the latest report of an earlier year (the first by slug when a year has several), newest first.</summary>
    private static IEnumerable<(Report Newer, Report Older)> Pairs(Comparison comparison) =>
        comparison.Reports.Select(newer => (newer, older: comparison.Reports.Where(r => r.Year < newer.Year).GroupBy(r => r.Year).LastOrDefault()?.First()))
            .Where(p => p.older is not null).Select(p => (p.newer, p.older!)).Reverse();

    /// <summary>A region's comparison page; it reads its reports' bodies, so a build asks for it only when it cannot reuse the page.</summary>
    public PlannedPage Compare(Comparison comparison)
    {
        // A report is the newer side of one pair and the older of the next: its body is read once for both.
        var sections = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> SectionsOf(Report report) => sections.TryGetValue(report.Slug, out var found) ? found
            : sections[report.Slug] = findings.WithText(report, text => SectionText.Of(text, findings.For(report).Sections!));
        return new("compare", new ComparePage
        {
            Site = site, Path = comparison.Path, Title = $"{comparison.Region}：历年报告对比", Section = "compare",
            Heading = $"{comparison.Region}：历年报告对比",
            Pairs = Pairs(comparison).Select(p => Pair(p.Newer, SectionsOf(p.Newer), p.Older, SectionsOf(p.Older))).ToList(),
            Breadcrumbs = [new Link("收录情况", CoveragePath)],
        });
    }

    private static ComparePair Pair(Report newer, IReadOnlyDictionary<string, string> newText, Report older, IReadOnlyDictionary<string, string> oldText)
    {
        var sections = RequiredSections.All.Where(s => newText.ContainsKey(s.Code) && oldText.ContainsKey(s.Code)).Select(s =>
        {
            var lines = SectionComparison.Compare(oldText[s.Code], newText[s.Code]);
            return new CompareSection(s.Name, lines, lines.Count(l => l.Kind != "same"));
        }).ToList();
        var unmatched = RequiredSections.All.Where(s => newText.ContainsKey(s.Code) != oldText.ContainsKey(s.Code)).Select(s => s.Name).ToList();
        return new ComparePair(newer.Slug, new Link(newer.Title, SitePaths.ReportPath(newer.Slug)), newer.Year!.Value,
            new Link(older.Title, SitePaths.ReportPath(older.Slug)), older.Year!.Value, sections, unmatched);
    }

    private CoverageMark Mark(Report report) => findings.For(report).Timeliness!.OnTime switch
    {
        true => new CoverageMark(SitePaths.ReportPath(report.Slug), report.Title, "按时", "on-time"),
        false => new CoverageMark(SitePaths.ReportPath(report.Slug), report.Title, "逾期", "late"),
        null => new CoverageMark(SitePaths.ReportPath(report.Slug), report.Title, "日期不详", "unknown"),
    };
}

/// <summary>A region's yearly reports, oldest first, compared on one page.</summary>
internal sealed record Comparison(string Path, string Region, IReadOnlyList<Report> Reports);

/// <summary>How a report's timeliness reads on a page, and the class that colours it.</summary>
internal static class TimelinessText
{
    public static (string Text, string Class) Of(Timeliness timeliness)
    {
        var deadline = $"（截止 {PagePlanner.ChineseDate(timeliness.Deadline)}）";
        return timeliness.DaysLate switch
        {
            null => ("发布日期不详" + deadline, "unknown"),
            <= 0 and var early => ($"按时发布{(early < 0 ? $"，早于截止日 {-early} 天" : "，于截止日当天")}{deadline}", "on-time"),
            var late => ($"逾期 {late} 天发布{deadline}", "late"),
        };
    }
}
