using System.Collections.Concurrent;
using SiteGen.Cache;
using SiteGen.Concurrency;
using SiteGen.Content;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// How many units (<see cref="TextUnits"/>) each report's body has in its Markdown: the typical body length is
/// averaged from them before any segment is written, so before any body is rendered. A body is counted while
/// the loader has its text (<see cref="Counted"/>), and the counts are kept between builds by the fingerprint
/// of the report's file, so neither a cold build nor a rebuild reads a file again to count it.
/// </summary>
internal sealed class BodyUnitCounts(BuildCache? cache)
{
    private const string FileName = "body-units.bin";

    // The tokenizer is SiteGen's own: another build of it may count differently.
    private static string Mark => "SGU1 " + BuildCache.ProgramVersion;

    private readonly ConcurrentDictionary<string, int> _counted = new(StringComparer.Ordinal);

    /// <summary>Counts a report's body from the text it holds.</summary>
    public void Counted(Report report) => _counted[report.SourceKey] = Count(report);

    /// <summary>Every report's count, in order: counted at loading, kept by an earlier build, or else counted now.</summary>
    public int[] Of(IReadOnlyList<Report> reports)
    {
        var file = cache?.FileOf(FileName);
        var known = file is null ? null : Load(file, cache!.Damage);
        var missing = 0;
        var counts = new int[reports.Count];
        // Work, not Parallel: a file changed since loading fails the build with its own message, not an AggregateException.
        Work.ForEach(Enumerable.Range(0, reports.Count), i =>
        {
            var key = reports[i].SourceKey;
            if (_counted.TryGetValue(key, out counts[i]) || known?.TryGetValue(key, out counts[i]) == true) return;
            counts[i] = Count(reports[i]); // its file is read again: the loader took it from its own cache
            Interlocked.Increment(ref missing);
        });
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reports.Count; i++) current[reports[i].SourceKey] = counts[i];
        // Exactly the current reports' counts: a deleted or edited report's old one goes.
        if (file is not null && (known is null || missing > 0 || !current.All(c => known.TryGetValue(c.Key, out var k) && k == c.Value) || current.Count != known.Count))
            Save(file, current);
        return counts;
    }

    private static int Count(Report report) => TextUnits.Count(report.SourceText.AsSpan(report.BodyStart));

    private static Dictionary<string, int>? Load(string file, CacheDamage damage) => CacheFile.Read(file, Mark, damage, reader =>
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = reader.ReadInt32(); n > 0; n--) counts[reader.ReadString()] = reader.ReadInt32();
        return counts;
    });

    private static void Save(string file, Dictionary<string, int> counts) => CacheFile.Write(file, Mark, writer =>
    {
        writer.Write(counts.Count);
        foreach (var (key, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(count);
        }
    });
}
