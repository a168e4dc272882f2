using System.Globalization;
using System.Text;

namespace SiteGen.Output;

/// <summary>
/// What the last successful build wrote to an output folder: for every file, the fingerprint of the
/// inputs it was made from, and its size. A later build that arrives at the same fingerprint takes the
/// file as it is instead of making it again.
/// </summary>
internal sealed class OutputManifest
{
    private readonly Dictionary<string, Entry> _entries;

    public readonly record struct Entry(string Key, long Size);

    public OutputManifest() : this(new Dictionary<string, Entry>(StringComparer.Ordinal)) { }

    private OutputManifest(Dictionary<string, Entry> entries) => _entries = entries;

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<string, Entry>> Entries => _entries;

    public bool TryGet(string path, out Entry entry) => _entries.TryGetValue(path, out entry);

    public void Set(string path, string key, long size)
    {
        lock (_entries) _entries[path] = new Entry(key, size);
    }

    /// <summary>Reads a manifest; one that is missing or damaged in any way counts as empty, which only costs time.</summary>
    public static OutputManifest Load(string file)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            var lines = File.ReadAllLines(file, Encoding.UTF8);
            if (lines.Length == 0 || lines[^1] != EndMark) return new OutputManifest();
            foreach (var line in lines[..^1])
            {
                var parts = line.Split('\t');
                if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                    return new OutputManifest();
                entries[parts[2]] = new Entry(parts[0], size);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new OutputManifest(); }
        return new OutputManifest(entries);
    }

    /// <summary>Written to a temporary file and renamed into place, so a reader never sees half of one.</summary>
    public void Save(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var text = new StringBuilder();
        foreach (var (path, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            text.Append(entry.Key).Append('\t').Append(entry.Size.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(path).Append('\n');
        text.Append(EndMark).Append('\n');
        var temporary = file + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, text.ToString(), Encoding.UTF8);
        File.Move(temporary, file, overwrite: true);
    }

    // The last line proves the file was written to the end.
    private const string EndMark = "# end";
}
