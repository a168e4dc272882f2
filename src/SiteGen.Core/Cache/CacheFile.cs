using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Cache;

/// <summary>
/// One cached item on disk: written to a temporary file and renamed into place, framed by a mark at each
/// end and checked by a 64-bit XxHash3 of its content. A file cut short, from another format or damaged
/// (one flipped bit in a cached body once published 2018幵 for 2018年, for good) reads as a miss, never as
/// wrong data; a damaged one is deleted and told to <see cref="CacheDamage"/>, and the build says so in one line.
/// </summary>
internal static class CacheFile
{
    public static T? Read<T>(string file, string mark, CacheDamage damage, Func<BinaryReader, T> read) where T : class
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            using var frame = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (frame.ReadString() != mark) return null; // another format or SiteGen: a miss, not damage
            var length = frame.ReadInt64();
            var start = (int)frame.BaseStream.Position;
            if (length < 0 || length > bytes.Length - start - sizeof(ulong)) return damage.Found<T>(file);
            var content = bytes.AsSpan(start, (int)length);
            frame.BaseStream.Position = start + length;
            if (frame.ReadUInt64() != XxHash3.HashToUInt64(content) || frame.ReadString() != mark) return damage.Found<T>(file);
            using var reader = new BinaryReader(new MemoryStream(bytes, start, (int)length, writable: false), Encoding.UTF8);
            return read(reader);
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException)
        {
            return damage.Found<T>(file);
        }
    }

    public static void Write(string file, string mark, Action<BinaryWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true)) write(writer);
        var span = content.GetBuffer().AsSpan(0, (int)content.Length);
        var temporary = $"{file}.tmp-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(mark);
            writer.Write(content.Length);
            writer.Write(span);
            writer.Write(XxHash3.HashToUInt64(span));
            writer.Write(mark);
        }
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Items spread over 256 folders by the first two characters of their key.</summary>
    public static string PathOf(string folder, string key) => Path.Combine(folder, key[..2], key + ".bin");

    public static void WriteArray<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    // Whole arrays at once, not value by value: 2,000 documents' terms are read back for every remade segment.
    // BinaryWriter wrote them little-endian, which is what every machine .NET runs this on is.
    public static long[] Longs(BinaryReader reader) => MemoryMarshal.Cast<byte, long>(Bytes(reader, sizeof(long))).ToArray();

    public static int[] Ints(BinaryReader reader) => MemoryMarshal.Cast<byte, int>(Bytes(reader, sizeof(int))).ToArray();

    public static byte[] Bytes(BinaryReader reader, int size)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > int.MaxValue / size) throw new FormatException("a cached array's length is out of range");
        var bytes = reader.ReadBytes(count * size);
        return bytes.Length == count * size ? bytes : throw new EndOfStreamException();
    }
}

/// <summary>The damaged cache files one build found (and deleted), for its one-line notice.</summary>
public sealed class CacheDamage
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _files = new();

    public IReadOnlyList<string> Files => _files.ToArray();

    internal T? Found<T>(string file) where T : class
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _files.Enqueue(file);
        return null;
    }
}
