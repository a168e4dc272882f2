using SiteGen.Cache;
using SiteGen.Content;

namespace SiteGen.Research;

/// <summary>Analyses report bodies, or with a cache reads back what an earlier build found: an unchanged report's file is not read.</summary>
public sealed class BodyAnalyses(AnalysisCache? cache = null)
{
    /// <summary>The fingerprint of what a body's analysis is made from: the report's file and SiteGen itself.</summary>
    public static string KeyOf(Report report) => Fingerprint.Of(BuildCache.ProgramVersion, "analysis", report.SourceKey);

    public BodyAnalysis For(Report report)
    {
        var key = KeyOf(report);
        if (cache?.Get(key) is { } cached) return cached;
        var analysis = BodyAnalysis.Of(report.Body);
        cache?.Put(key, analysis);
        return analysis;
    }
}
