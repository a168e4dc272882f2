using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SiteGen.Output;

namespace SiteGen.Research;

/// <summary>A body as the research views read it: its blocks' plain text, one block a line, and each line's heading level (0 for a paragraph).</summary>
internal sealed record BodyText(string Text, byte[] Levels)
{
    public static BodyText Of(IReadOnlyList<Block> blocks) =>
        new(BodyBlocks.PlainText(blocks), blocks.Select(b => (byte)b.Level).ToArray());

    /// <summary>The blocks again, headings numbered as <see cref="BodyBlocks"/> numbers them.</summary>
    public IReadOnlyList<Block> Blocks()
    {
        if (Levels.Length == 0) return [];
        var headings = 0;
        return Text.Split('\n').Select((line, i) => new Block(Levels[i], line, Levels[i] > 0 ? $"sec-{++headings}" : "")).ToList();
    }
}

/// <summary>
/// The texts of the bodies this build analysed, kept in a temporary file until the data files and comparison pages are
/// made, so that those do not read and scan each body again (a body read again is read, decoded and fingerprinted: two
/// thirds of what the data files cost). On disk, not in memory: 10,000 reports' texts are 300 MB. Deleted when disposed.
/// </summary>
internal sealed class BodyTextSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly ConcurrentDictionary<string, (long Offset, int Length)> _kept = new(StringComparer.Ordinal);
    private long _end;

    public BodyTextSpill(string folder)
    {
        _file = ScratchFile.Open(folder, "research-texts");
    }

    private SafeFileHandle Handle => _file.SafeFileHandle;

    /// <summary>Keeps one body's text; called from many threads at once, each writing its own span of the file.</summary>
    public void Put(string slug, BodyText body)
    {
        // Encoded straight into the record written, which is not zeroed first: every byte of it is written.
        var length = Encoding.UTF8.GetByteCount(body.Text);
        var bytes = GC.AllocateUninitializedArray<byte>(4 + length + body.Levels.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        Encoding.UTF8.GetBytes(body.Text, bytes.AsSpan(4, length));
        body.Levels.CopyTo(bytes, 4 + length);
        var offset = Interlocked.Add(ref _end, bytes.Length) - bytes.Length;
        RandomAccess.Write(Handle, bytes, offset);
        _kept[slug] = (offset, bytes.Length);
    }

    public BodyText? Get(string slug)
    {
        if (Read(slug) is not { } bytes) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        return new BodyText(Encoding.UTF8.GetString(bytes, 4, length), bytes[(4 + length)..]);
    }

    /// <summary>A body's text as the UTF-8 it was kept in, for a writer of UTF-8 that need not decode it (the JSON Lines).</summary>
    public ReadOnlyMemory<byte>? GetUtf8(string slug) =>
        Read(slug) is { } bytes ? new ReadOnlyMemory<byte>(bytes, 4, BinaryPrimitives.ReadInt32LittleEndian(bytes)) : (ReadOnlyMemory<byte>?)null;

    private byte[]? Read(string slug)
    {
        if (!_kept.TryGetValue(slug, out var at)) return null;
        var bytes = GC.AllocateUninitializedArray<byte>(at.Length);
        return RandomAccess.Read(Handle, bytes, at.Offset) == bytes.Length ? bytes : null;
    }

    public void Dispose() => _file.Dispose();
}
