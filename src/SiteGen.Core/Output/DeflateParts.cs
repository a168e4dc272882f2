using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace SiteGen.Output;

/// <summary>
/// One raw DEFLATE stream of a file, made of parts compressed apart: a large file (the data files: 300 MB at 10,000
/// reports) on every core instead of one, as pigz does, and after an edit, only where it changed. Parts are cut where
/// the content says (a gear hash of the last 64 bytes, as FastCDC cuts), not every so many bytes, so a line changed
/// or added moves no cut but its part's; each part is ended on a byte boundary by a sync flush and compressed with
/// nothing before it, so its bytes depend on its content alone; one empty final block closes the stream. The zip
/// records each part's lengths and hashes (<see cref="Encode"/>), and the next build copies the parts it still has.
/// </summary>
internal static class DeflateParts
{
    /// <summary>Files up to this size are one stream with no parts.</summary>
    public const int Threshold = 2 * MinPart;
    private const int MinPart = 2 << 20, MaxPart = 8 << 20;
    // A cut where the hash's top 21 bits are zero: about 2 MB after the smallest part, 4 MB a part on average.
    private const int CutBits = 21;

    /// <summary>The zip extra field that lists a compressed file's parts (an id outside the ones PKWARE assigns).</summary>
    public const ushort ExtraId = 0x4753;
    private const int PartBytes = 24;

    // zlib level 3: on a 10,000-report site, level 2 took 0.58x the time of the default level (6) for a zip 6% larger,
    // and level 3 makes a zip 3.4% smaller than level 2's (the JSON Lines 10%) for no build time a run could see
    // (cold builds 56.2 and 54.6 s against 55.4 and 57.1 s); level 1 was no faster on the data files and 35% larger.
    private static readonly ZLibCompressionOptions Compression = new() { CompressionLevel = 3 };

    // Data that is compressed already (the search index's literals) is stored: level 3 finds no repeats in it and only
    // Huffman-codes its 182 byte values, to 0.951 of its size, at 65-75 MB/s; Huffman coding alone gets as far at
    // 95 MB/s. 10,000 reports: the zip stage took 0.71x the CPU (13.5 s against 19.1 s) for a zip 2.2% larger (14.7 MB).
    private static readonly ZLibCompressionOptions Stored = new() { CompressionLevel = 0 };

    // BFINAL set, fixed Huffman codes, end of block at once: an empty last block, as zlib ends a stream after a flush.
    private static readonly byte[] FinalBlock = [0x03, 0x00];

    /// <summary>A part: its length and hash, and its compressed bytes' length and hash (which find damage in an earlier zip).</summary>
    public readonly record struct Part(int Length, int CompressedLength, ulong Hash, ulong CompressedHash);

    /// <summary>Reads a file's bytes from an offset into a span, returning how many it read: from memory or from disk.</summary>
    public delegate int Reader(long offset, Span<byte> into);

    /// <summary>What <see cref="DeflateTo"/> wrote: the content's CRC-32, the compressed length, the parts, and how many bytes it compressed (not copied).</summary>
    public readonly record struct Written(uint Crc, long CompressedSize, Part[] Parts, long Fresh);

    /// <summary>A small file (up to <see cref="Threshold"/>) as one stream; its data stored in it as it is when <paramref name="compressedAlready"/>.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> bytes, bool compressedAlready = false) => Compress(bytes, last: true, compressedAlready ? Stored : Compression);

    /// <summary>
    /// A large file's stream, part by part, handed to <paramref name="emit"/> in order. The file is read a batch of parts
    /// at a time (at most 8 MB a part), so one of any size (the JSON Lines pass 2 GB at 100,000 reports) needs no array
    /// larger than a part and little memory.
    /// </summary>
    /// <param name="earlier">Compressed bytes of a part an earlier zip holds, found by its length and hash; null if none.</param>
    public static Written DeflateTo(long length, Reader read, Func<int, ulong, byte[]?>? earlier, Action<byte[]> emit)
    {
        var crc = new Crc32();
        var parts = new List<Part>();
        long compressedSize = 0, fresh = 0;
        // What the last window read past its cut starts the next window rather than being read again; that window goes
        // back to the pool only once its tail is copied.
        (byte[]? Window, int Start, int Length) carried = (null, 0, 0);
        for (long start = 0; start < length;)
        {
            var batch = new List<(byte[] Window, int Length)>();
            for (var k = 0; k < Environment.ProcessorCount * 2 && start < length; k++)
            {
                var window = ArrayPool<byte>.Shared.Rent((int)Math.Min(MaxPart, length - start));
                var span = window.AsSpan(0, (int)Math.Min(MaxPart, length - start));
                if (carried.Window is { } previous)
                {
                    previous.AsSpan(carried.Start, carried.Length).CopyTo(span);
                    if (k == 0) ArrayPool<byte>.Shared.Return(previous); // the last batch's: compressed and emitted
                }
                for (var got = carried.Length; got < span.Length;)
                {
                    var count = read(start + got, span[got..]);
                    if (count <= 0) throw new IOException("the file grew shorter while it was being compressed");
                    got += count;
                }
                var cut = CutAfter(span, length - start);
                batch.Add((window, cut));
                carried = (window, cut, span.Length - cut);
                start += cut;
            }
            var compressed = new (byte[] Data, Part Part)[batch.Count];
            Parallel.For(0, batch.Count, i =>
            {
                var content = batch[i].Window.AsSpan(0, batch[i].Length);
                var hash = XxHash3.HashToUInt64(content);
                var data = earlier?.Invoke(content.Length, hash);
                if (data is null)
                {
                    data = Compress(content, last: false);
                    Interlocked.Add(ref fresh, content.Length);
                }
                compressed[i] = (data, new Part(content.Length, data.Length, hash, XxHash3.HashToUInt64(data)));
            });
            for (var i = 0; i < batch.Count; i++)
            {
                crc.Append(batch[i].Window.AsSpan(0, batch[i].Length));
                if (batch[i].Window != carried.Window) ArrayPool<byte>.Shared.Return(batch[i].Window);
                emit(compressed[i].Data);
                parts.Add(compressed[i].Part);
                compressedSize += compressed[i].Data.Length;
            }
        }
        if (carried.Window is { } last) ArrayPool<byte>.Shared.Return(last);
        emit(FinalBlock);
        return new Written(crc.GetCurrentHashAsUInt32(), compressedSize + FinalBlock.Length, parts.ToArray(), fresh);
    }

    /// <summary>Where the part that starts a window ends: the whole rest when that is small, else where the content says, else at the largest part.</summary>
    /// <param name="remaining">How many bytes are left from the window's start; the window holds the first 8 MB of them.</param>
    private static int CutAfter(ReadOnlySpan<byte> window, long remaining)
    {
        if (remaining <= MinPart * 2) return (int)remaining;
        var hash = 0UL;
        // The 64 bytes before the smallest cut first: a 64-bit gear hash has shifted out every byte older than that.
        for (var i = MinPart - 64; i < window.Length; i++)
        {
            hash = (hash << 1) + Gear[window[i]];
            if (i >= MinPart && hash >> (64 - CutBits) == 0) return i + 1;
        }
        return window.Length;
    }

    /// <summary>One part's raw DEFLATE: the last with the final block, any other ended on a byte boundary by a sync flush.</summary>
    private static byte[] Compress(ReadOnlySpan<byte> part, bool last, ZLibCompressionOptions? options = null)
    {
        // Room for the usual outcome from the start (text deflates to a third, stored data stays as it is), not grown to it.
        using var compressed = new MemoryStream(options == Stored ? part.Length + part.Length / 8192 + 64 : part.Length / 2 + 64);
        var deflate = new DeflateStream(compressed, options ?? Compression, leaveOpen: true);
        deflate.Write(part);
        if (last)
        {
            deflate.Dispose();
            return compressed.ToArray();
        }
        // A sync flush ends the part with an empty stored block that is not final; what Dispose adds after it is left out.
        deflate.Flush();
        var length = compressed.Length;
        deflate.Dispose();
        return compressed.GetBuffer().AsSpan(0, (int)length).ToArray();
    }

    /// <summary>The extra field listing <paramref name="parts"/>, or none when they do not fit in one (2,729 parts, 5 GB).</summary>
    public static byte[] Encode(Part[]? parts)
    {
        if (parts is null || 4 + parts.Length * PartBytes > ushort.MaxValue - 16) return [];
        var extra = new byte[4 + parts.Length * PartBytes];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, ExtraId);
        BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), (ushort)(parts.Length * PartBytes));
        for (var i = 0; i < parts.Length; i++)
        {
            var at = extra.AsSpan(4 + i * PartBytes);
            BinaryPrimitives.WriteInt32LittleEndian(at, parts[i].Length);
            BinaryPrimitives.WriteInt32LittleEndian(at[4..], parts[i].CompressedLength);
            BinaryPrimitives.WriteUInt64LittleEndian(at[8..], parts[i].Hash);
            BinaryPrimitives.WriteUInt64LittleEndian(at[16..], parts[i].CompressedHash);
        }
        return extra;
    }

    /// <summary>The parts an extra field's data lists (the field with <see cref="ExtraId"/>, without its id and length).</summary>
    public static Part[] Decode(ReadOnlySpan<byte> data)
    {
        var parts = new Part[data.Length / PartBytes];
        for (var i = 0; i < parts.Length; i++)
        {
            var at = data[(i * PartBytes)..];
            parts[i] = new Part(BinaryPrimitives.ReadInt32LittleEndian(at), BinaryPrimitives.ReadInt32LittleEndian(at[4..]),
                BinaryPrimitives.ReadUInt64LittleEndian(at[8..]), BinaryPrimitives.ReadUInt64LittleEndian(at[16..]));
        }
        return parts;
    }

    /// <summary>
    /// Where each listed part's compressed bytes are in an earlier zip's entry, counted from its data's start, by length
    /// and hash; none when the list does not add up to the entry's size (the entry is then compressed afresh).
    /// </summary>
    public static Dictionary<(int, ulong), (long Offset, Part Part)> Index(Part[]? parts, long size, long compressedSize)
    {
        var index = new Dictionary<(int, ulong), (long, Part)>();
        if (parts is null || parts.Sum(p => (long)p.Length) != size || parts.Sum(p => (long)p.CompressedLength) + FinalBlock.Length != compressedSize)
            return index;
        long offset = 0;
        foreach (var part in parts)
        {
            index.TryAdd((part.Length, part.Hash), (offset, part));
            offset += part.CompressedLength;
        }
        return index;
    }

    private static readonly ulong[] Gear = MakeGear();

    // Fixed values (SplitMix64 from a fixed seed), so cuts are the same in every build.
    private static ulong[] MakeGear()
    {
        var table = new ulong[256];
        var state = 0x5347UL;
        for (var i = 0; i < table.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            table[i] = z ^ (z >> 31);
        }
        return table;
    }
}
