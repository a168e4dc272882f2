using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SiteGen.Cache;

/// <summary>
/// One cached item on disk: written to a temporary file and renamed into place, framed by a mark at each
/// end and checked by a 64-bit XxHash3 of its content. A file cut short, from another format or damaged
/// (one flipped bit in a cached body once published 2018幵 for 2018年, for good) reads as a miss, never as
/// wrong data; a damaged one is deleted and told to <see cref="CacheDamage"/>, and the build says so in one line.
/// </summary>
internal static class CacheFile
{
    // The frame: mark, content, content length (int64), XxHash3 of the content (uint64), mark. Length and hash
    // follow the content so that it is hashed as it is written, never held whole in memory a second time.
    /// <param name="read">Makes the item from the content; it must keep nothing of the reader, whose buffer goes back to a pool.</param>
    public static T? Read<T>(string file, string mark, CacheDamage damage, Func<BinaryReader, T> read) where T : class
    {
        // The content is read into a buffer lent from the pool: what the reader makes of it is copied out anyway, and a
        // rebuild reads 100 MB of analyses alone at 10,000 reports, which fresh arrays made the collector clear first.
        byte[]? content = null;
        try
        {
            int length;
            using (var handle = File.OpenHandle(file))
            {
                if (FrameOf(handle, mark) is not { } frame) return null; // another format or SiteGen: a miss, not damage
                length = frame.Length <= System.Array.MaxLength ? (int)frame.Length : throw new InvalidDataException("a cache file too large to read whole");
                content = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
                ReadExactly(handle, content.AsSpan(0, length), frame.Start);
                if (XxHash3.HashToUInt64(content.AsSpan(0, length)) != frame.Hash) throw new InvalidDataException("a cache file whose content is damaged");
            }
            using var reader = new BinaryReader(new MemoryStream(content, 0, length, writable: false, publiclyVisible: true), Encoding.UTF8);
            return read(reader);
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException)
        {
            return damage.Found<T>(file);
        }
        finally
        {
            if (content is not null) System.Buffers.ArrayPool<byte>.Shared.Return(content);
        }
    }

    /// <summary>
    /// A cached file checked whole (its frame, length and hash) as it is streamed through one buffer, then left open to
    /// read parts of: for files of tens of megabytes of which a build needs a few entries, where reading them into
    /// memory cost more than the work (on this project's VM, touching fresh memory runs at a few hundred MB a second).
    /// Null when it is missing or another format's; a damaged one is deleted and told to <paramref name="damage"/>.
    /// </summary>
    public static CachedContent? Open(string file, string mark, CacheDamage damage)
    {
        SafeFileHandle? handle = null;
        bool damaged;
        try
        {
            handle = File.OpenHandle(file);
            if (FrameOf(handle, mark) is not { } frame) damaged = false;
            else if (HashOf(handle, frame.Start, frame.Length) == frame.Hash)
            {
                var content = new CachedContent(handle, frame.Start, frame.Length);
                handle = null;
                return content;
            }
            else damaged = true;
        }
        catch (FileNotFoundException) { damaged = false; }
        catch (DirectoryNotFoundException) { damaged = false; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException) { damaged = true; }
        handle?.Dispose(); // closed before a damaged file is deleted
        return damaged ? damage.Found<CachedContent>(file) : null;
    }

    /// <summary>Where a cache file's content is, and the hash its frame records; null when the file is another format's.</summary>
    /// <exception cref="InvalidDataException">When the frame is cut short or damaged.</exception>
    private static (long Start, long Length, ulong Hash)? FrameOf(SafeFileHandle handle, string mark)
    {
        // BinaryWriter wrote the mark as one length byte (marks are short) and its bytes, at each end.
        var markBytes = Encoding.UTF8.GetBytes(mark);
        var head = new byte[1 + markBytes.Length];
        var trailer = new byte[2 * sizeof(long) + head.Length];
        var end = RandomAccess.GetLength(handle) - trailer.Length;
        if (end < head.Length) throw new InvalidDataException("a cache file cut short");
        ReadExactly(handle, head, 0);
        if (head[0] != markBytes.Length || !head.AsSpan(1).SequenceEqual(markBytes)) return null;
        ReadExactly(handle, trailer, end);
        if (!trailer.AsSpan(2 * sizeof(long)).SequenceEqual(head) || BitConverter.ToInt64(trailer, 0) != end - head.Length)
            throw new InvalidDataException("a cache file whose frame is damaged");
        return (head.Length, end - head.Length, BitConverter.ToUInt64(trailer, sizeof(long)));
    }

    internal static void ReadExactly(SafeFileHandle handle, Span<byte> into, long offset)
    {
        for (var done = 0; done < into.Length;)
        {
            var read = RandomAccess.Read(handle, into[done..], offset + done);
            if (read == 0) throw new InvalidDataException("a cache file cut short");
            done += read;
        }
    }

    private static ulong HashOf(SafeFileHandle handle, long start, long length)
    {
        var hash = new XxHash3();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            for (var at = 0L; at < length; at += buffer.Length)
            {
                var part = buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - at));
                ReadExactly(handle, part, start + at);
                hash.Append(part);
            }
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
        return hash.GetCurrentHashAsUInt64();
    }

    public static void Write(string file, string mark, Action<BinaryWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.tmp-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}";
        // Made new (one a killed build left is deleted first), never truncated: see StagedOutput.CreateNew for why.
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var frame = new BinaryWriter(stream, Encoding.UTF8))
        {
            frame.Write(mark);
            var hashing = new HashingStream(stream);
            using (var content = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true)) write(content);
            frame.Write(hashing.Length);
            frame.Write(hashing.Hash.GetCurrentHashAsUInt64());
            frame.Write(mark);
        }
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Passes writes on to the file, hashing and counting them.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        public XxHash3 Hash { get; } = new();
        public override long Length => _length;
        private long _length;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Hash.Append(buffer);
            _length += buffer.Length;
            inner.Write(buffer);
        }

        public override void WriteByte(byte value) => Write([value]);
        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
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
    public static long[] Longs(BinaryReader reader) => Array<long>(reader);

    public static int[] Ints(BinaryReader reader) => Array<int>(reader);

    public static uint[] Uints(BinaryReader reader) => Array<uint>(reader);

    /// <summary>An array <see cref="WriteArray"/> wrote, copied once from the file's bytes (the paragraph buckets' are megabytes).</summary>
    private static T[] Array<T>(BinaryReader reader) where T : unmanaged
    {
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (reader.BaseStream is not MemoryStream memory || !memory.TryGetBuffer(out var buffer)) throw new ArgumentException("a cache file is read from memory");
        var count = reader.ReadInt32();
        var at = (int)memory.Position;
        if (count < 0 || count > (buffer.Count - at) / size) throw new EndOfStreamException();
        memory.Position = at + count * size;
        return MemoryMarshal.Cast<byte, T>(buffer.AsSpan(at, count * size)).ToArray();
    }

    public static byte[] Bytes(BinaryReader reader, int size)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > int.MaxValue / size) throw new FormatException("a cached array's length is out of range");
        var bytes = reader.ReadBytes(count * size);
        return bytes.Length == count * size ? bytes : throw new EndOfStreamException();
    }
}

/// <summary>
/// The content of a cache file <see cref="CacheFile.Open"/> checked, to read parts of by offset (from the content's start).
/// Its values were written by <see cref="CacheFile.WriteArray"/> and BinaryWriter: little-endian.
/// </summary>
internal sealed class CachedContent(SafeFileHandle handle, long start, long length) : IDisposable
{
    public long Length => length;

    /// <summary>Fills <paramref name="into"/> with the content's bytes from <paramref name="offset"/>.</summary>
    /// <exception cref="EndOfStreamException">When they run past the content's end.</exception>
    public void Read(long offset, Span<byte> into)
    {
        if (offset < 0 || offset + into.Length > length) throw new EndOfStreamException();
        CacheFile.ReadExactly(handle, into, start + offset);
    }

    /// <summary>Values of an array, from its <paramref name="index"/>th on, read into <paramref name="into"/>.</summary>
    public void Read<T>(CachedArray array, long index, Span<T> into) where T : unmanaged =>
        Read(array.Offset + index * System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), MemoryMarshal.AsBytes(into));

    public T ReadOne<T>(CachedArray array, long index) where T : unmanaged =>
        ValueAt<T>(array.Offset + index * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    public T ValueAt<T>(long offset) where T : unmanaged
    {
        Span<T> one = stackalloc T[1];
        Read(offset, MemoryMarshal.AsBytes(one));
        return one[0];
    }

    /// <summary>The array <see cref="CacheFile.WriteArray"/> wrote at <paramref name="offset"/>: where its values are and how many; <paramref name="offset"/> moves past it.</summary>
    public CachedArray ArrayAt<T>(ref long offset) where T : unmanaged
    {
        Span<int> count = stackalloc int[1];
        Read(offset, MemoryMarshal.AsBytes(count));
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (count[0] < 0 || offset + sizeof(int) + (long)count[0] * size > length) throw new EndOfStreamException();
        var array = new CachedArray(offset + sizeof(int), count[0]);
        offset = array.Offset + (long)count[0] * size;
        return array;
    }

    public T[] Whole<T>(CachedArray array) where T : unmanaged
    {
        var values = new T[array.Count];
        Read<T>(array, 0, values);
        return values;
    }

    public void Dispose() => handle.Dispose();
}

/// <summary>Where an array's values start in a <see cref="CachedContent"/>, and how many there are.</summary>
internal readonly record struct CachedArray(long Offset, int Count);

/// <summary>The damaged cache files one build found (and deleted), for its one-line notice.</summary>
internal sealed class CacheDamage
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
