using System.Buffers;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;
using SiteGen.Cache;
using SiteGen.Research;

namespace SiteGen.Site;

/// <summary>
/// The lines of the last build's data/reports.jsonl, by the key of the row each was made from, so that editing one
/// report rewrites its own line instead of making 10,000 again (each reads and scans a body: 6 s of a rebuild). The
/// record of where each line is lives in the cache beside the output folder's manifest; a line is copied only when its
/// bytes still hash to what was recorded, so a file changed or replaced since is never trusted, only made again.
/// </summary>
internal sealed class EarlierLines : IDisposable
{
    private const string Mark = "SGL1";
    private readonly Dictionary<string, WrittenLine> _lines;
    private readonly SafeFileHandle? _file;

    private EarlierLines(Dictionary<string, WrittenLine> lines, SafeFileHandle? file) => (_lines, _file) = (lines, file);

    /// <summary>Where the record of an output folder's lines is kept, beside the record of what made its files.</summary>
    public static string RecordFor(string manifestFile) => Path.ChangeExtension(manifestFile, ".lines.bin");

    /// <param name="previousFile">The data file of the site now in the output folder.</param>
    /// <param name="siteKey">The site the lines were made for: another base_url or SiteGen makes every line again.</param>
    public static EarlierLines Open(string recordFile, string previousFile, string siteKey, CacheDamage damage)
    {
        var lines = CacheFile.Read(recordFile, Mark, damage, reader =>
        {
            if (reader.ReadString() != siteKey) return new Dictionary<string, WrittenLine>();
            var count = reader.ReadInt32();
            var byKey = new Dictionary<string, WrittenLine>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var line = new WrittenLine(reader.ReadString(), reader.ReadInt64(), reader.ReadInt32(), reader.ReadUInt64());
                byKey[line.Key] = line;
            }
            return byKey;
        });
        if (lines is not { Count: > 0 } || !File.Exists(previousFile)) return new EarlierLines([], null);
        return new EarlierLines(lines, File.OpenHandle(previousFile));
    }

    /// <summary>
    /// The line last made from a row with this key, if the earlier file still holds it unchanged: the first
    /// <c>Length</c> bytes of a buffer lent from <see cref="ArrayPool{T}.Shared"/>, for the caller to give back
    /// once written (copied into arrays made for each, a rebuild's unchanged lines were 300 MB for the collector).
    /// </summary>
    public (byte[] Lent, int Length)? Line(string key)
    {
        if (_file is null || !_lines.TryGetValue(key, out var line)) return null;
        var bytes = ArrayPool<byte>.Shared.Rent(line.Length);
        var kept = false;
        try
        {
            kept = RandomAccess.Read(_file, bytes.AsSpan(0, line.Length), line.Offset) == line.Length
                   && XxHash3.HashToUInt64(bytes.AsSpan(0, line.Length)) == line.Hash;
        }
        catch (IOException) { }
        if (kept) return (bytes, line.Length);
        ArrayPool<byte>.Shared.Return(bytes);
        return null;
    }

    public static void Save(string recordFile, string siteKey, IReadOnlyList<WrittenLine> lines) => CacheFile.Write(recordFile, Mark, writer =>
    {
        writer.Write(siteKey);
        writer.Write(lines.Count);
        foreach (var line in lines)
        {
            writer.Write(line.Key);
            writer.Write(line.Offset);
            writer.Write(line.Length);
            writer.Write(line.Hash);
        }
    });

    public void Dispose() => _file?.Dispose();
}
