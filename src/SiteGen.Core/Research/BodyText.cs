using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SiteGen.Output;

namespace SiteGen.Research;

/// <summary>
/// A body as the research views read it: its blocks' plain text in UTF-8, one block a line, and each line's heading level
/// (0 for a paragraph). Kept as UTF-8, as the data files write it: the comparisons decode only their sections' lines.
/// </summary>
internal sealed record BodyText(ReadOnlyMemory<byte> Utf8, byte[] Levels)
{
    public static BodyText Of(IReadOnlyList<Block> blocks)
    {
        var text = new byte[Utf8Length(blocks)];
        Encode(blocks, text);
        return new(text, blocks.Select(b => (byte)b.Level).ToArray());
    }

    /// <summary>The bytes of the blocks' plain text in UTF-8, one block a line (<see cref="Encode"/>), counted without making it.</summary>
    public static int Utf8Length(IReadOnlyList<Block> blocks)
    {
        var length = Math.Max(0, blocks.Count - 1);
        foreach (var block in blocks) length += Encoding.UTF8.GetByteCount(block.Text);
        return length;
    }

    /// <summary>
    /// Encodes the blocks' plain text, one block a line, block by block into <paramref name="into"/>
    /// (<see cref="Utf8Length"/> bytes): joined first and then encoded, 10,000 reports' texts were 900 MB allocated
    /// (as UTF-16, then as UTF-8) for bytes written once.
    /// </summary>
    public static void Encode(IReadOnlyList<Block> blocks, Span<byte> into)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0)
            {
                into[0] = (byte)'\n';
                into = into[1..];
            }
            into = into[Encoding.UTF8.GetBytes(blocks[i].Text, into)..];
        }
    }

    /// <summary>Where each line starts in <see cref="Utf8"/>, and (last) one past the end of the last line's line end.</summary>
    public int[] LineStarts()
    {
        var text = Utf8.Span;
        var starts = new int[Levels.Length + 1];
        for (int line = 0, at = 0; line < Levels.Length; line++)
        {
            starts[line] = at;
            var end = text[at..].IndexOf((byte)'\n');
            at = end < 0 ? text.Length + 1 : at + end + 1;
        }
        starts[^1] = text.Length + 1;
        return starts;
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

    /// <summary>
    /// Keeps one body's text (<see cref="BodyText.Encode"/>) and its blocks' levels, in a pooled record; called from many
    /// threads at once, each writing its own span of the file.
    /// </summary>
    public void Put(string slug, IReadOnlyList<Block> blocks)
    {
        var length = BodyText.Utf8Length(blocks);
        var size = 4 + length + blocks.Count;
        var record = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(record, length);
            BodyText.Encode(blocks, record.AsSpan(4, length));
            for (var i = 0; i < blocks.Count; i++) record[4 + length + i] = (byte)blocks[i].Level;
            var offset = Interlocked.Add(ref _end, size) - size;
            RandomAccess.Write(Handle, record.AsSpan(0, size), offset);
            _kept[slug] = (offset, size);
        }
        finally { ArrayPool<byte>.Shared.Return(record); }
    }

    /// <summary>
    /// Lends a body's kept text to <paramref name="use"/> in a pooled buffer, which goes back to the pool when it returns:
    /// what it keeps must be made from the text, never the text itself. False if the body was not kept.
    /// </summary>
    public bool TryUse<T>(string slug, Func<BodyText, T> use, out T result)
    {
        result = default!;
        if (!_kept.TryGetValue(slug, out var at)) return false;
        var record = ArrayPool<byte>.Shared.Rent(at.Length);
        try
        {
            if (RandomAccess.Read(Handle, record.AsSpan(0, at.Length), at.Offset) != at.Length) return false;
            var length = BinaryPrimitives.ReadInt32LittleEndian(record);
            result = use(new BodyText(new ReadOnlyMemory<byte>(record, 4, length), record[(4 + length)..at.Length]));
            return true;
        }
        finally { ArrayPool<byte>.Shared.Return(record); }
    }

    public void Dispose() => _file.Dispose();
}
