using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Research;

/// <summary>What the research views say of one report: timeliness, required sections, shared paragraphs, length.</summary>
/// <param name="Sections">The required sections found; null for a type the rules do not cover.</param>
internal sealed record ReportAnalysis(Timeliness? Timeliness, IReadOnlyList<SectionFound>? Sections, IReadOnlyList<SharedParagraph> Shared, int Chars)
{
    /// <summary>The required sections not found (code and name), for a type the rules cover.</summary>
    public IReadOnlyList<(string Code, string Name)> Missing =>
        Sections is null ? [] : RequiredSections.All.Where(s => Sections.All(f => f.Code != s.Code)).ToList();
}

/// <summary>Every report's analysis, with the paragraphs reports share found across the whole archive.</summary>
internal sealed class Findings
{
    private readonly IReadOnlyDictionary<string, BodyAnalysis> _bodies;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> _shared;
    private readonly BodyAnalyses _analyses;

    private Findings(IReadOnlyDictionary<string, BodyAnalysis> bodies, IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> shared, BodyAnalyses analyses) =>
        (_bodies, _shared, _analyses) = (bodies, shared, analyses);

    /// <summary>Whether the research views are made (see <see cref="Nothing"/>).</summary>
    public bool Views { get; private init; } = true;

    /// <summary>No analysis at all, and no research views made from it: what a build costs without them (a benchmark's baseline).</summary>
    public static Findings Nothing(IReadOnlyList<Report> reports) =>
        new(reports.ToDictionary(r => r.Slug, _ => new BodyAnalysis([], ParagraphPrints.None, 0), StringComparer.Ordinal),
            new Dictionary<string, IReadOnlyList<SharedParagraph>>(), new BodyAnalyses()) { Views = false };

    /// <param name="buckets">Where the last build's paragraph buckets are kept, if it is to carry them over; none for a build without the cache.</param>
    public static Findings Gather(IReadOnlyList<Report> reports, BodyAnalyses analyses, ParagraphBucketCache? buckets = null)
    {
        var bodies = analyses.Of(reports);
        var shared = SharedParagraphs.Find(reports.Select(r => (r.Slug, BodyAnalyses.KeyOf(r), bodies[r.Slug].Paragraphs)), buckets);
        // The paragraphs' prints serve only to find what reports share: let go of them before the pages are made (at
        // 100,000 reports they are 4 million signatures and excerpts, over a gigabyte).
        var kept = bodies.ToDictionary(b => b.Key, b => b.Value with { Paragraphs = ParagraphPrints.None }, StringComparer.Ordinal);
        return new Findings(kept, shared, analyses);
    }

    /// <summary>
    /// Lends the report's body as plain text in UTF-8, with its lines' levels, to <paramref name="use"/>: kept from its
    /// analysis where this build made it, else read again. <paramref name="use"/> must not keep the text itself.
    /// </summary>
    public T WithText<T>(Report report, Func<BodyText, T> use) => _analyses.WithText(report, use);

    public ReportAnalysis For(Report report)
    {
        var body = _bodies[report.Slug];
        return new ReportAnalysis(Timeliness.Of(report), Timeliness.Applies(report) ? body.Sections : null,
            _shared.GetValueOrDefault(report.Slug) ?? [], body.Chars);
    }
}
