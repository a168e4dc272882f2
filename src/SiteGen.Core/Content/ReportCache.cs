using System.Collections.Concurrent;
using SiteGen.Cache;

namespace SiteGen.Content;

/// <summary>
/// Reports as the last build read them, each under its file's path, size and modification time, with
/// every field but the text. A file that still has the same size and time is taken as read: loading
/// 10,000 reports read and parsed 284 MB, a third of a rebuild after one edit.
/// </summary>
/// <remarks>
/// A file changed within the same clock tick as it was read would keep its size and time, so entries for
/// files modified shortly before the load began are not kept (git's "racily clean" rule). `--no-cache`
/// reads everything.
/// </remarks>
internal sealed class ReportCache(string file, CacheDamage damage)
{
    public ReportCache(BuildCache cache) : this(cache.FileOf("reports.bin"), cache.Damage) { }

    internal static readonly TimeSpan Racy = TimeSpan.FromSeconds(2);
    private Dictionary<string, Entry>? _last;
    private object? _loading;
    private ConcurrentDictionary<string, Entry> _next = new(StringComparer.Ordinal);

    /// <summary>A file as seen on disk: the entry is valid while these stay the same.</summary>
    public readonly record struct Stamp(long Size, long ModifiedTicks);

    private sealed record Entry(Stamp Stamp, Report Report);

    /// <summary>The report the file held last time, if it has not changed since.</summary>
    public Report? Get(string relativePath, Stamp stamp) =>
        LazyInitializer.EnsureInitialized(ref _last, ref _loading, () => Load(file, damage)).TryGetValue(relativePath, out var entry) && entry.Stamp == stamp
            ? entry.Report : null;

    /// <summary>Keeps a report read from a file (or taken from here) for the next load; it must not hold its text.</summary>
    public void Put(string relativePath, Stamp stamp, Report report) => _next[relativePath] = new Entry(stamp, report);

    /// <param name="loadStarted">When the files began to be read: files modified since, or just before, are not kept.</param>
    public void Save(DateTime loadStarted)
    {
        var trusted = (loadStarted - Racy).ToUniversalTime().Ticks;
        var entries = _next.Where(e => e.Value.Stamp.ModifiedTicks < trusted).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        CacheFile.Write(file, Mark, writer =>
        {
            writer.Write(entries.Count);
            foreach (var (path, entry) in entries)
            {
                writer.Write(path);
                writer.Write(entry.Stamp.Size);
                writer.Write(entry.Stamp.ModifiedTicks);
                ReportRecord.Write(writer, entry.Report);
            }
        });
        (_last, _next) = (null, new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
    }

    // SiteGen's own version is part of the mark: another version may read files differently.
    private static string Mark => "SGR1 " + BuildCache.ProgramVersion;

    private static Dictionary<string, Entry> Load(string file, CacheDamage damage)
    {
        var entries = CacheFile.Read(file, Mark, damage, reader =>
        {
            var read = new Dictionary<string, Entry>(StringComparer.Ordinal);
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var path = reader.ReadString();
                var stamp = new Stamp(reader.ReadInt64(), reader.ReadInt64());
                read[path] = new Entry(stamp, ReportRecord.Read(reader, path));
            }
            return read;
        });
        return entries ?? new Dictionary<string, Entry>(StringComparer.Ordinal);
    }
}
