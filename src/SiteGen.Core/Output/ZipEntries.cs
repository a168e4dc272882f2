using System.Buffers.Binary;
using System.Text;

namespace SiteGen.Output;

/// <summary>An entry of a zip file: where its compressed bytes are and what they hold.</summary>
internal readonly record struct ZipEntry(string Name, uint Crc, long CompressedSize, long Size, long HeaderOffset)
{
    /// <summary>The parts its data was compressed in, as this zip lists them (<see cref="DeflateParts"/>); null if not listed.</summary>
    internal DeflateParts.Part[]? Parts { get; init; }
}

/// <summary>The zip format's fixed numbers, the CRC the format uses, and reading an existing zip's directory.</summary>
internal static class ZipEntries
{
    public const uint LocalHeader = 0x04034b50;
    public const uint CentralHeader = 0x02014b50;
    public const uint EndOfDirectory = 0x06054b50;
    public const uint Zip64EndOfDirectory = 0x06064b50;
    public const uint Zip64Locator = 0x07064b50;
    public const int LocalHeaderSize = 30;

    /// <summary>The CRC-32 zip entries carry.</summary>
    public static uint Crc(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);

    /// <summary>The entries of a zip, by name; an unreadable or foreign file gives none.</summary>
    public static Dictionary<string, ZipEntry> Read(string path)
    {
        var entries = new Dictionary<string, ZipEntry>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(path);
            var (offset, size) = FindDirectory(file);
            var directory = new byte[size];
            file.Position = offset;
            file.ReadExactly(directory);
            for (var at = 0; at + 46 <= directory.Length;)
            {
                var d = directory.AsSpan(at);
                if (U32(d) != CentralHeader) return [];
                var nameLength = U16(d[28..]);
                var extraLength = U16(d[30..]);
                var name = Encoding.UTF8.GetString(d.Slice(46, nameLength));
                long compressed = U32(d[20..]), plain = U32(d[24..]), header = U32(d[42..]);
                var extra = d.Slice(46 + nameLength, extraLength);
                ReadZip64(extra, ref plain, ref compressed, ref header);
                entries[name] = new ZipEntry(name, U32(d[16..]), compressed, plain, header) { Parts = PartsIn(extra) };
                at += 46 + nameLength + extraLength + U16(d[32..]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or EndOfStreamException)
        {
            return [];
        }
        return entries;
    }

    private static (long Offset, long Size) FindDirectory(FileStream file)
    {
        var tailLength = (int)Math.Min(file.Length, 22 + 0xFFFF + 20);
        var tail = new byte[tailLength];
        file.Position = file.Length - tailLength;
        file.ReadExactly(tail);
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (U32(tail.AsSpan(i)) != EndOfDirectory) continue;
            long size = U32(tail.AsSpan(i + 12)), offset = U32(tail.AsSpan(i + 16));
            if (offset != uint.MaxValue && size != uint.MaxValue) return (offset, size);
            // A zip64 archive: the locator just before points at the larger record.
            if (i < 20 || U32(tail.AsSpan(i - 20)) != Zip64Locator) break;
            var record = new byte[56];
            file.Position = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(i - 12));
            file.ReadExactly(record);
            if (U32(record) != Zip64EndOfDirectory) break;
            return ((long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48)), (long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)));
        }
        throw new IOException("not a zip file");
    }

    private static void ReadZip64(ReadOnlySpan<byte> extra, ref long plain, ref long compressed, ref long header)
    {
        for (var at = 0; at + 4 <= extra.Length; at += 4 + U16(extra[(at + 2)..]))
        {
            if (U16(extra[at..]) != 1) continue;
            var values = extra.Slice(at + 4, U16(extra[(at + 2)..]));
            if (plain == uint.MaxValue) plain = Take(ref values);
            if (compressed == uint.MaxValue) compressed = Take(ref values);
            if (header == uint.MaxValue) header = Take(ref values);
        }
    }

    private static DeflateParts.Part[]? PartsIn(ReadOnlySpan<byte> extra)
    {
        for (var at = 0; at + 4 <= extra.Length; at += 4 + U16(extra[(at + 2)..]))
            if (U16(extra[at..]) == DeflateParts.ExtraId)
                return DeflateParts.Decode(extra.Slice(at + 4, Math.Min(U16(extra[(at + 2)..]), extra.Length - at - 4)));
        return null;
    }

    private static long Take(ref ReadOnlySpan<byte> values)
    {
        var value = (long)BinaryPrimitives.ReadUInt64LittleEndian(values);
        values = values[8..];
        return value;
    }

    private static uint U32(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    private static int U16(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt16LittleEndian(bytes);
}
