using System.Collections.Concurrent;

namespace SiteGen.Output;

/// <summary>
/// Large files of the site compressed for the offline zip as soon as they are written, while the build still makes
/// other files and a core is free (the data files are made beside the index pass, which leaves part of a core idle);
/// the zip then copies their parts as it copies an earlier zip's. The parts are the ones the zip would make (cut where
/// the content says, each compressed on its own), so the zip is the same bytes either way. Kept in a scratch file, not
/// in memory: at 100,000 reports the JSON Lines compress to about a gigabyte.
/// </summary>
internal sealed class DeflatedAhead(string folder) : IDisposable
{
    private readonly FileStream _file = ScratchFile.Open(folder, "deflated-ahead");
    private readonly ConcurrentDictionary<(int, ulong), (long Offset, DeflateParts.Part Part)> _parts = new();
    private long _end;

    /// <summary>Compresses a file of the site, part by part, for the zip to come.</summary>
    public void Add(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length <= DeflateParts.Threshold) return; // a small file is one stream, made by the zip as it goes
        var offsets = new List<long>();
        var written = DeflateParts.DeflateTo(length, (offset, into) => RandomAccess.Read(handle, into, offset), null, compressed =>
        {
            var at = Interlocked.Add(ref _end, compressed.Length) - compressed.Length;
            RandomAccess.Write(_file.SafeFileHandle, compressed, at);
            offsets.Add(at);
        });
        for (var i = 0; i < written.Parts.Length; i++) _parts.TryAdd((written.Parts[i].Length, written.Parts[i].Hash), (offsets[i], written.Parts[i]));
    }

    /// <summary>How many parts the zip took from here.</summary>
    public int Taken => _taken;
    private int _taken;

    /// <summary>A part's compressed bytes, by the length and hash of what it holds; null if no file added had it.</summary>
    public byte[]? Part(int length, ulong hash)
    {
        if (!_parts.TryGetValue((length, hash), out var found)) return null;
        var bytes = new byte[found.Part.CompressedLength];
        if (RandomAccess.Read(_file.SafeFileHandle, bytes, found.Offset) != bytes.Length) return null;
        Interlocked.Increment(ref _taken);
        return bytes;
    }

    public void Dispose() => _file.Dispose();
}
