using SiteGen.Rendering;

namespace SiteGen.Site;

/// <summary>compliance/index.html: timeliness and completeness by year and by province, for every yearly report.</summary>
internal sealed class CompliancePage : PageModel
{
    public required ComplianceTable ByYear { get; init; }
    public required ComplianceTable ByProvince { get; init; }
    public required IReadOnlyList<string> SectionNames { get; init; }
    /// <summary>The per-report figures the filters recompute the tables from (a classic script).</summary>
    public required string DataScript { get; init; }
    public required IReadOnlyList<string> Years { get; init; }
    public required IReadOnlyList<string> Levels { get; init; }
    public required IReadOnlyList<string> Provinces { get; init; }
}

internal sealed record ComplianceTable(string Caption, string GroupHeading, IReadOnlyList<ComplianceLine> Rows, ComplianceLine Total);

/// <param name="OnTimeRate">As shown: 75%, or — when no date is known.</param>
internal sealed record ComplianceLine(string Group, string? Url, int Reports, int Dated, int OnTime, int Late, string OnTimeRate,
    int Complete, string CompleteRate, IReadOnlyList<int> Sections);

/// <summary>compliance/&lt;year&gt;.html: the year's reports that were late, undated or lack a required section.</summary>
internal sealed class ComplianceYearPage : PageModel
{
    public required string Heading { get; init; }
    public required int Checked { get; init; }
    /// <summary>How many of the reports checked were late, undated or incomplete: the rows of <see cref="Items"/>, or of the <see cref="Parts"/>' pages.</summary>
    public required int Shortfalls { get; init; }
    public required IReadOnlyList<ComplianceItem> Items { get; init; }
    /// <summary>Where a long list is split (see <see cref="ResearchPlanner.MaxListed"/>): each province's page of it.</summary>
    public required IReadOnlyList<CompliancePart> Parts { get; init; }
    public required IReadOnlyList<string> Levels { get; init; }
    public required IReadOnlyList<string> Provinces { get; init; }
    public required IReadOnlyList<Link> Breadcrumbs { get; init; }
}

internal sealed record CompliancePart(string Name, string Url, int Count);

internal sealed record ComplianceItem(string Title, string Url, string? Province, string? Level, string? Published, string Timeliness,
    string TimelinessClass, IReadOnlyList<string> Missing);

/// <summary>stats/index.html: charts drawn at build time as inline SVG, each with its numbers in a table.</summary>
internal sealed class StatsPage : PageModel
{
    public required IReadOnlyList<Chart> Charts { get; init; }
}

/// <param name="Bars">Each bar's label, its value as shown, and its length as a share of the longest (0–100).</param>
internal sealed record Chart(string Id, string Title, string ValueHeading, IReadOnlyList<Bar> Bars, string Note);

internal sealed record Bar(string Label, string Value, double Percent)
{
    /// <summary>The drawing's numbers, rounded here: a template's arithmetic on doubles prints 126.65399999999998.</summary>
    public const double Room = 380;
    public double Length => Math.Round(Percent / 100 * Room, 1);
    public double ValueX => Math.Round(166 + Length, 1);
}

/// <summary>coverage/index.html: the provinces, each linking to its region × year grid.</summary>
internal sealed class CoverageIndexPage : PageModel
{
    public required IReadOnlyList<GroupEntry> Provinces { get; init; }
}

/// <summary>coverage/&lt;code&gt;.html: which yearly reports the archive holds for each region of a province, and whether on time.</summary>
internal sealed class CoveragePage : PageModel
{
    public required string Heading { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<CoverageRow> Rows { get; init; }
    public required IReadOnlyList<Link> Breadcrumbs { get; init; }
}

/// <param name="Depth">0 the province, 1 a city, 2 a county: for indenting.</param>
internal sealed record CoverageRow(string Region, string Url, int Depth, IReadOnlyList<CoverageCell> Cells);

/// <summary>A region's yearly reports for one year: empty when the archive holds none.</summary>
internal sealed record CoverageCell(IReadOnlyList<CoverageMark> Reports);

/// <param name="Mark">按时 / 逾期 / 日期不详: the words carry the meaning, the class only colours it.</param>
internal sealed record CoverageMark(string Url, string Title, string Mark, string Class);

/// <summary>compare/&lt;region&gt;.html: each yearly report beside the region's report of the year before, section by section.</summary>
internal sealed class ComparePage : PageModel
{
    public required string Heading { get; init; }
    public required IReadOnlyList<ComparePair> Pairs { get; init; }
    public required IReadOnlyList<Link> Breadcrumbs { get; init; }
}

/// <param name="Id">The newer report's slug: the anchor its page links to (与上一年对比).</param>
/// <param name="Unmatched">Required sections found in only one of the two reports, which cannot be compared.</param>
internal sealed record ComparePair(string Id, Link Newer, int NewerYear, Link Older, int OlderYear, IReadOnlyList<CompareSection> Sections, IReadOnlyList<string> Unmatched);

/// <param name="Changes">How many paragraphs differ: 0 when the section was carried over word for word.</param>
internal sealed record CompareSection(string Name, IReadOnlyList<Research.DiffLine> Lines, int Changes);
