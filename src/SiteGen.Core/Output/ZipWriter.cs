using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SiteGen.Output;

/// <summary>
/// Writes a zip of files, compressing them in parallel and always in the same way, so the same files give
/// the same bytes. An entry whose content (name, CRC and size) is already in an earlier zip is copied
/// from it still compressed; runs of such entries are copied as one span of the earlier file, by the kernel
/// where it can. Large archives and entries get the zip64 records they need.
/// </summary>
internal sealed class ZipWriter : IDisposable
{
    private const int Batch = 256;
    private const ushort Utf8Names = 0x0800, Deflated = 8;
    private const uint RegularFile = 0x81A4u << 16; // -rw-r--r--
    /// <summary>
    /// Entries this large carry their sizes in zip64 fields, in both headers. Half the 32-bit limit: a large entry's
    /// header is written before it is compressed, and compressing never takes 2 GB past 4 GB.
    /// </summary>
    private const long Zip64Size = 1L << 31;
    private static readonly ushort DosDate = (2000 - 1980) << 9 | 1 << 5 | 1; // 2000-01-01, 00:00:00

    private readonly Stream _destination;
    private readonly Dictionary<string, ZipEntry> _previous;
    private readonly SafeFileHandle? _previousFile;
    private readonly DeflatedAhead? _ahead;
    private readonly List<ZipEntry> _written = [];
    private long _offset;
    private readonly long _start; // where the zip begins in the destination, which large entries seek back in
    private long _copyStart, _copyLength; // a span of the earlier zip still to be copied to the destination

    /// <param name="ahead">Parts of large files compressed before the zip began (see <see cref="DeflatedAhead"/>).</param>
    public ZipWriter(Stream destination, string? previousZip, DeflatedAhead? ahead = null)
    {
        _destination = destination;
        _ahead = ahead;
        _start = destination.Position;
        _previous = previousZip is not null && File.Exists(previousZip) ? ZipEntries.Read(previousZip) : [];
        _previousFile = _previous.Count > 0 ? File.OpenHandle(previousZip!) : null;
    }

    /// <summary>How many entries were copied from the earlier zip instead of compressed again.</summary>
    public int Reused { get; private set; }

    /// <summary>A file to add as entry <c>Name</c>, or (<c>Content</c>) bytes that are in the zip only.</summary>
    /// <param name="Unchanged">Known to be the file the earlier zip was made from: its entry is copied without reading the file.</param>
    /// <param name="CompressedAlready">Its data is compressed already: stored, not compressed again (see <see cref="DeflateParts.Deflate"/>).</param>
    public sealed record Source(string Name, string File, bool Unchanged, byte[]? Content = null, bool CompressedAlready = false);

    public void AddFiles(IEnumerable<Source> files)
    {
        // A batch is compressed while the one before it is written out: written one after the other, one core waited
        // at each batch's end for the other's last file, and both while its entries went out.
        (Source[] Batch, Task<Item?[]> Prepared)? ready = null;
        try
        {
            foreach (var batch in files.Chunk(Batch))
            {
                var earlier = ready;
                ready = (batch, Task.Run(() => PrepareAll(batch)));
                if (earlier is { } written) AppendAll(written.Batch, written.Prepared.GetAwaiter().GetResult());
            }
            if (ready is { } last)
            {
                ready = null;
                AppendAll(last.Batch, last.Prepared.GetAwaiter().GetResult());
            }
        }
        finally
        {
            // After a failure, nothing goes on reading the site or the earlier zip once the caller has moved on.
            if (ready is { } abandoned)
                try { abandoned.Prepared.Wait(); }
                catch (AggregateException) { } // the failure that brought us here is the one to report
        }
    }

    /// <summary>Each file's entry made ready (null for a large file, which <see cref="AppendLarge"/> streams).</summary>
    private Item?[] PrepareAll(Source[] batch)
    {
        var prepared = new Item?[batch.Length];
        Parallel.For(0, batch.Length, i => prepared[i] = Copied(batch[i]) ?? PrepareSmall(batch[i]));
        return prepared;
    }

    /// <summary>
    /// A small file's entry, read into a lent buffer (the site's files are 2 GB at 10,000 reports, each read once and
    /// compressed); null for a large one, which <see cref="AppendLarge"/> streams.
    /// </summary>
    private Item? PrepareSmall(Source file)
    {
        if (file.Content is { } content) return content.LongLength > DeflateParts.Threshold ? null : Prepare(file.Name, content, file.CompressedAlready);
        using var handle = File.OpenHandle(file.File);
        var length = RandomAccess.GetLength(handle);
        if (length > DeflateParts.Threshold) return null;
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var read = 0;
            for (int n; read < length && (n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read)) > 0;) read += n;
            return Prepare(file.Name, buffer.AsSpan(0, read), file.CompressedAlready);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void AppendAll(Source[] batch, Item?[] prepared)
    {
        for (var i = 0; i < batch.Length; i++)
        {
            if (prepared[i] is { } item) Append(batch[i].Name, item);
            else AppendLarge(batch[i]);
        }
    }

    /// <summary>
    /// An entry to write: compressed data for a fresh header, or (<c>Data</c> null) the span of the earlier
    /// zip that already holds this entry's header, name and data exactly as they are to be written.
    /// </summary>
    private readonly record struct Item(uint Crc, long Size, long CompressedSize, byte[]? Data, bool Reused, long SpanStart = 0, long SpanLength = 0,
        DeflateParts.Part[]? Parts = null);

    /// <summary>An unchanged file's entry from the earlier zip, if it has one; reading neither the file nor its CRC.</summary>
    private Item? Copied(Source file)
    {
        if (!file.Unchanged || !_previous.TryGetValue(file.Name, out var old)) return null;
        var expected = LocalHeader(old with { HeaderOffset = 0 });
        var found = new byte[expected.Length];
        if (RandomAccess.Read(_previousFile!, found, old.HeaderOffset) == found.Length && found.AsSpan().SequenceEqual(expected))
            return new Item(old.Crc, old.Size, old.CompressedSize, null, true, old.HeaderOffset, expected.Length + old.CompressedSize, old.Parts);
        return CopyOf(old) is { } raw ? new Item(old.Crc, old.Size, raw.LongLength, raw, true, Parts: old.Parts) : null;
    }

    public void Finish()
    {
        FlushCopy();
        var directoryStart = _offset;
        foreach (var entry in _written) WriteCentralHeader(entry);
        var directorySize = _offset - directoryStart;
        var needs64 = _written.Count >= ushort.MaxValue || directoryStart >= uint.MaxValue || directorySize >= uint.MaxValue;
        if (needs64) WriteZip64End(directoryStart, directorySize);

        var end = new byte[22];
        Put32(end, 0, ZipEntries.EndOfDirectory);
        Put16(end, 8, (ushort)Math.Min(_written.Count, ushort.MaxValue));
        Put16(end, 10, (ushort)Math.Min(_written.Count, ushort.MaxValue));
        Put32(end, 12, (uint)Math.Min(directorySize, uint.MaxValue));
        Put32(end, 16, (uint)Math.Min(directoryStart, uint.MaxValue));
        Emit(end);
    }

    public void Dispose() => _previousFile?.Dispose();

    private Item Prepare(string name, ReadOnlySpan<byte> content, bool compressedAlready)
    {
        var crc = ZipEntries.Crc(content);
        if (_previous.TryGetValue(name, out var old) && old.Crc == crc && old.Size == content.Length && CopyOf(old) is { } raw)
            return new Item(crc, content.Length, raw.LongLength, raw, true);
        var compressed = DeflateParts.Deflate(content, compressedAlready);
        Interlocked.Add(ref _deflatedBytes, content.Length);
        return new Item(crc, content.Length, compressed.LongLength, compressed, false);
    }

    /// <summary>
    /// A large file, streamed in parts (<see cref="DeflateParts"/>) straight into the zip, copying the parts the earlier
    /// zip has; its CRC and sizes are known only at the end, so its header is written again over the first one.
    /// </summary>
    private void AppendLarge(Source file)
    {
        _previous.TryGetValue(file.Name, out var old);
        using var handle = file.Content is null ? File.OpenHandle(file.File) : null;
        var length = file.Content?.LongLength ?? RandomAccess.GetLength(handle!);
        DeflateParts.Reader read = file.Content is { } content
            ? (offset, into) => { var n = (int)Math.Min(into.Length, content.LongLength - offset); content.AsSpan((int)offset, n).CopyTo(into); return n; }
            : (offset, into) => RandomAccess.Read(handle!, into, offset);
        var headerAt = _offset;
        Emit(LocalHeader(new ZipEntry(file.Name, 0, 0, length, headerAt)));
        var earlier = old.Name is null ? null : EarlierParts(old);
        var written = DeflateParts.DeflateTo(length, read, _ahead is null ? earlier : (size, hash) => earlier?.Invoke(size, hash) ?? _ahead.Part(size, hash), Emit);
        Interlocked.Add(ref _deflatedBytes, written.Fresh);
        var entry = new ZipEntry(file.Name, written.Crc, written.CompressedSize, length, headerAt) { Parts = written.Parts };
        _destination.Position = _start + headerAt;
        _destination.Write(LocalHeader(entry));
        _destination.Position = _start + _offset;
        _written.Add(entry);
    }

    /// <summary>How many bytes of the files were compressed here, not copied compressed from the earlier zip.</summary>
    public long DeflatedBytes => Interlocked.Read(ref _deflatedBytes);
    private long _deflatedBytes;

    /// <summary>
    /// The compressed parts of a file's earlier version, by length and hash of what they hold; each is read from the
    /// earlier zip only if its bytes still hash to what that zip recorded, so a damaged zip is compressed anew, not copied.
    /// </summary>
    private Func<int, ulong, byte[]?>? EarlierParts(ZipEntry old)
    {
        var index = DeflateParts.Index(old.Parts, old.Size, old.CompressedSize);
        if (index.Count == 0 || DataStart(old) is not { } start) return null;
        return (length, hash) =>
        {
            if (!index.TryGetValue((length, hash), out var found)) return null;
            var bytes = new byte[found.Part.CompressedLength];
            return RandomAccess.Read(_previousFile!, bytes, start + found.Offset) == bytes.Length
                   && System.IO.Hashing.XxHash3.HashToUInt64(bytes) == found.Part.CompressedHash ? bytes : null;
        };
    }

    private byte[]? CopyOf(ZipEntry old)
    {
        if (DataStart(old) is not { } start) return null;
        var data = new byte[old.CompressedSize];
        return RandomAccess.Read(_previousFile!, data, start) == data.Length ? data : null;
    }

    /// <summary>Where an earlier entry's compressed bytes start, after its local header; null if no header is there.</summary>
    private long? DataStart(ZipEntry old)
    {
        var header = new byte[ZipEntries.LocalHeaderSize];
        if (RandomAccess.Read(_previousFile!, header, old.HeaderOffset) != header.Length
            || BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipEntries.LocalHeader) return null;
        return old.HeaderOffset + header.Length + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26))
               + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
    }

    private void Append(string name, Item file)
    {
        var entry = new ZipEntry(name, file.Crc, file.CompressedSize, file.Size, _offset) { Parts = file.Parts };
        if (file.Data is null)
        {
            if (_copyLength > 0 && _copyStart + _copyLength != file.SpanStart) FlushCopy();
            if (_copyLength == 0) _copyStart = file.SpanStart;
            _copyLength += file.SpanLength;
            _offset += file.SpanLength;
        }
        else
        {
            Emit(LocalHeader(entry));
            Emit(file.Data);
        }
        _written.Add(entry);
        if (file.Reused) Reused++;
    }

    /// <summary>An entry's local header followed by its name and, for a large entry, its zip64 sizes.</summary>
    private static byte[] LocalHeader(ZipEntry entry)
    {
        var nameBytes = Encoding.UTF8.GetBytes(entry.Name);
        var sizes = Zip64Sizes(entry);
        var header = new byte[ZipEntries.LocalHeaderSize + nameBytes.Length + sizes.Length];
        Put32(header, 0, ZipEntries.LocalHeader);
        Put16(header, 4, (ushort)(sizes.Length > 0 ? 45 : 20));
        WriteCommon(header, 6, entry, nameBytes.Length);
        Put16(header, 28, (ushort)sizes.Length);
        nameBytes.CopyTo(header, ZipEntries.LocalHeaderSize);
        sizes.CopyTo(header, ZipEntries.LocalHeaderSize + nameBytes.Length);
        return header;
    }

    /// <summary>The zip64 extra field a header needs for the values too large for its 32-bit fields; empty if none is.</summary>
    private static byte[] Zip64Sizes(ZipEntry entry, bool withOffset = false)
    {
        // Every header asks, a rebuild's 110,000 unchanged entries among them: most need nothing.
        if (entry.Size < Zip64Size && (!withOffset || entry.HeaderOffset < uint.MaxValue)) return [];
        var values = new List<long>(3);
        if (entry.Size >= Zip64Size) values.AddRange([entry.Size, entry.CompressedSize]);
        if (withOffset && entry.HeaderOffset >= uint.MaxValue) values.Add(entry.HeaderOffset);
        var extra = new byte[4 + 8 * values.Count];
        Put16(extra, 0, 1);
        Put16(extra, 2, (ushort)(8 * values.Count));
        for (var i = 0; i < values.Count; i++) BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(4 + 8 * i), values[i]);
        return extra;
    }

    private void FlushCopy()
    {
        if (_copyLength == 0) return;
        FileSpans.Copy(_previousFile!, _copyStart, _copyLength, _destination);
        _copyLength = 0;
    }

    private void WriteCentralHeader(ZipEntry entry)
    {
        var nameBytes = Encoding.UTF8.GetBytes(entry.Name);
        var zip64 = Zip64Sizes(entry, withOffset: true);
        var parts = DeflateParts.Encode(entry.Parts);
        var header = new byte[46];
        Put32(header, 0, ZipEntries.CentralHeader);
        Put16(header, 4, 0x0300 | 45); // made on Unix, so the mode below counts
        Put16(header, 6, (ushort)(zip64.Length > 0 ? 45 : 20));
        WriteCommon(header, 8, entry, nameBytes.Length);
        Put16(header, 30, (ushort)(zip64.Length + parts.Length));
        Put32(header, 38, RegularFile);
        Put32(header, 42, entry.HeaderOffset >= uint.MaxValue ? uint.MaxValue : (uint)entry.HeaderOffset);
        Emit(header);
        Emit(nameBytes);
        if (zip64.Length > 0) Emit(zip64);
        if (parts.Length > 0) Emit(parts);
    }

    /// <summary>The fields local and central headers share, from "flags" to "name length".</summary>
    private static void WriteCommon(byte[] header, int at, ZipEntry entry, int nameLength)
    {
        Put16(header, at, Utf8Names);
        Put16(header, at + 2, Deflated);
        Put16(header, at + 4, 0);
        Put16(header, at + 6, DosDate);
        Put32(header, at + 8, entry.Crc);
        var large = entry.Size >= Zip64Size; // the sizes are in the zip64 field
        Put32(header, at + 12, large ? uint.MaxValue : (uint)entry.CompressedSize);
        Put32(header, at + 16, large ? uint.MaxValue : (uint)entry.Size);
        Put16(header, at + 20, (ushort)nameLength);
    }

    private void WriteZip64End(long directoryStart, long directorySize)
    {
        var recordStart = _offset;
        var record = new byte[56];
        Put32(record, 0, ZipEntries.Zip64EndOfDirectory);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(4), 44);
        Put16(record, 12, 0x0300 | 45);
        Put16(record, 14, 45);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(24), _written.Count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(32), _written.Count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(40), directorySize);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(48), directoryStart);
        Emit(record);
        var locator = new byte[20];
        Put32(locator, 0, ZipEntries.Zip64Locator);
        BinaryPrimitives.WriteInt64LittleEndian(locator.AsSpan(8), recordStart);
        Put32(locator, 16, 1);
        Emit(locator);
    }

    private void Emit(byte[] bytes)
    {
        FlushCopy();
        _destination.Write(bytes);
        _offset += bytes.LongLength;
    }

    private static void Put16(byte[] bytes, int at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), value);
    private static void Put32(byte[] bytes, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), value);
}
