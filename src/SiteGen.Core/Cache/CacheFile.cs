using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Cache;

/// <summary>
/// One cached item on disk: written to a temporary file and renamed into place, framed by a mark at each
/// end, so a file cut short or from another format reads as a miss, never as wrong data.
/// </summary>
internal static class CacheFile
{
    public static T? Read<T>(string file, string mark, Func<BinaryReader, T> read) where T : class
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(file), Encoding.UTF8);
            if (reader.ReadString() != mark) return null;
            var value = read(reader);
            return reader.ReadString() == mark ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static void Write(string file, string mark, Action<BinaryWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.tmp-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(mark);
            write(writer);
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
