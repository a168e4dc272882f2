using SiteGen.Cache;
using SiteGen.Concurrency;
using SiteGen.Content;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// How many units (<see cref="TextUnits"/>) each report's body has in its Markdown: the typical body length is
/// averaged from them before any segment is written, so before any body is rendered. Kept between builds by
/// the fingerprint of the report's file, so a rebuild reads no unchanged report's file again to count it.
/// </summary>
internal static class BodyUnitCounts
{
    private const string FileName = "body-units.bin";

    // The tokenizer is SiteGen's own: another build of it may count differently.
    private static string Mark => "SGU1 " + BuildCache.ProgramVersion;

    public static int[] Of(IReadOnlyList<Report> reports, BuildCache? cache)
    {
        var file = cache?.FileOf(FileName);
        var known = file is null ? null : Load(file, cache!.Damage);
        var counts = new int[reports.Count];
        var counted = 0;
        Work.ForEach(Enumerable.Range(0, reports.Count), i =>
        {
            if (known is not null && known.TryGetValue(reports[i].SourceKey, out var count)) counts[i] = count;
            else
            {
                counts[i] = TextUnits.Count(reports[i].SourceText.AsSpan(reports[i].BodyStart));
                Interlocked.Increment(ref counted);
            }
        });
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reports.Count; i++) current[reports[i].SourceKey] = counts[i];
        // Exactly the current reports' counts: a deleted or edited report's old one goes.
        if (file is not null && (counted > 0 || current.Count != known!.Count)) Save(file, current);
        return counts;
    }

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
