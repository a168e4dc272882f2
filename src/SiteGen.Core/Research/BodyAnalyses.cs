using System.Collections.Concurrent;
using SiteGen.Concurrency;
using SiteGen.Cache;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Research;

/// <summary>
/// Analyses report bodies, or with a cache reads back what an earlier build found: an unchanged report's file is not read.
/// With a spill, the text of each body analysed is kept for the data files and comparisons of the same build.
/// </summary>
internal sealed class BodyAnalyses(AnalysisCache? cache = null, BodyTextSpill? spill = null)
{
    // Made while the loader held the report's text (Loaded), by slug, until Of takes them.
    private readonly ConcurrentDictionary<string, BodyAnalysis> _loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// Analyses a report the loader has just read, while its text is in memory: read again later, each body is read,
    /// decoded and fingerprinted a second time (1.4 s of CPU at 10,000 reports).
    /// </summary>
    public void Loaded(Report report) => _loaded[report.Slug] = Made(report);

    /// <summary>The fingerprint of what a body's analysis is made from: the report's file and SiteGen itself.</summary>
    public static string KeyOf(Report report) => Fingerprint.Of(BuildCache.ProgramVersion, "analysis", report.SourceKey);

    /// <summary>Every report's analysis, by slug.</summary>
    /// <exception cref="SiteGenException">Naming every report whose file could not be read again.</exception>
    public IReadOnlyDictionary<string, BodyAnalysis> Of(IReadOnlyList<Report> reports)
    {
        var found = new ConcurrentDictionary<string, BodyAnalysis>(StringComparer.Ordinal);
        var broken = new DiagnosticBag();
        void Analyse(Report report, Func<BodyAnalysis?> cached)
        {
            // A report's file that cannot be read again is its report's error; the others are still tried, so one run names every such report.
            try { found[report.Slug] = Taken(report) ?? cached() ?? Made(report); }
            catch (SiteGenException e) { broken.AddRange(e.Diagnostics); }
        }

        if (cache is null) Work.ForEach(reports, report => Analyse(report, () => null));
        else
        {
            var shards = reports.GroupBy(r => AnalysisCache.ShardOf(KeyOf(r))).ToList();
            Work.ForEach(shards, shard =>
            {
                var stored = cache.Read(shard.Key);
                foreach (var report in shard) Analyse(report, () => stored.GetValueOrDefault(KeyOf(report)));
                var current = shard.Where(r => found.ContainsKey(r.Slug)).DistinctBy(KeyOf).ToDictionary(KeyOf, r => found[r.Slug], StringComparer.Ordinal);
                if (current.Count != stored.Count || !current.Keys.All(stored.ContainsKey)) cache.Write(shard.Key, current);
            });
            cache.KeepOnly(shards.Select(s => s.Key).ToHashSet());
        }
        broken.ThrowIfAny();
        return found;
    }

    // Two reports may share a slug only in an archive that fails to load, so a slug names one report here.
    private BodyAnalysis? Taken(Report report) => _loaded.TryRemove(report.Slug, out var made) ? made : null;

    private BodyAnalysis Made(Report report)
    {
        var blocks = BodyBlocks.Of(report.Body);
        spill?.Put(report.Slug, blocks);
        return BodyAnalysis.Of(blocks);
    }

    /// <summary>Lends a body's text to <paramref name="use"/>: kept from its analysis in this build, or read again (see <see cref="BodyTextSpill.TryUse"/>).</summary>
    public T WithText<T>(Report report, Func<BodyText, T> use) =>
        spill is not null && spill.TryUse(report.Slug, use, out var result) ? result : use(ReadAgain(report));

    private static BodyText ReadAgain(Report report) => BodyText.Of(BodyBlocks.Of(report.Body));
}
