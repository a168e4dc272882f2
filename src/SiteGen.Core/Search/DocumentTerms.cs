using System.Buffers;
using System.Runtime.InteropServices;

namespace SiteGen.Search;

/// <summary>
/// One document's terms, each with the document's part of its postings already encoded (field mask,
/// counts, and positions for pairs), so documents can be taken apart in parallel and appended in order.
/// An instance is scratch space for one thread: its position lists are reused from document to document.
/// </summary>
internal sealed class DocumentTerms
{
    private readonly Dictionary<long, List<int>[]> _positions = new();
    private readonly Stack<List<int>[]> _spare = new();
    private readonly List<long> _order = [];

    /// <summary>
    /// A document's terms: <c>Bytes[Starts[i]..Starts[i+1]]</c> is term <c>Keys[i]</c>'s entry (field mask and
    /// counts), <c>Positions[PositionStarts[i]..PositionStarts[i+1]]</c> its positions (pairs only).
    /// </summary>
    public sealed record Encoded(long[] Keys, int[] Starts, byte[] Bytes, int[] PositionStarts, byte[] Positions, int[] Lengths);

    // A unit is its code point; a pair sets bit 62 and packs both (code points fit in 21 bits).
    public static long Pair(int first, int second) => (1L << 62) | ((long)first << 21) | (uint)second;

    public static bool IsPair(long key) => (key & (1L << 62)) != 0;

    public static string Text(long key) => !IsPair(key)
        ? char.ConvertFromUtf32((int)key)
        : char.ConvertFromUtf32((int)((key >> 21) & 0x1FFFFF)) + char.ConvertFromUtf32((int)(key & 0x1FFFFF));

    public Encoded Encode(string[] fields)
    {
        Reset();
        var lengths = new int[fields.Length];
        for (var field = 0; field < fields.Length; field++)
        {
            var codes = TextUnits.CodePoints(fields[field]);
            lengths[field] = codes.Count;
            for (var p = 0; p < codes.Count; p++)
            {
                Note(codes[p], field, p);
                if (p + 1 < codes.Count) Note(Pair(codes[p], codes[p + 1]), field, p);
            }
        }

        var entries = new ArrayBufferWriter<byte>(_order.Count * 4);
        var positions = new ArrayBufferWriter<byte>(_order.Count * 4);
        var starts = new int[_order.Count + 1];
        var positionStarts = new int[_order.Count + 1];
        for (var i = 0; i < _order.Count; i++)
        {
            starts[i] = entries.WrittenCount;
            positionStarts[i] = positions.WrittenCount;
            Write(entries, positions, _order[i], _positions[_order[i]]);
        }
        starts[^1] = entries.WrittenCount;
        positionStarts[^1] = positions.WrittenCount;
        return new Encoded(_order.ToArray(), starts, entries.WrittenSpan.ToArray(), positionStarts, positions.WrittenSpan.ToArray(), lengths);
    }

    private void Reset()
    {
        foreach (var lists in _positions.Values)
        {
            foreach (var list in lists) list.Clear();
            _spare.Push(lists);
        }
        _positions.Clear();
        _order.Clear();
    }

    private void Note(long key, int field, int position)
    {
        if (!_positions.TryGetValue(key, out var positions))
        {
            _positions[key] = positions = _spare.Count > 0 ? _spare.Pop() : [[], [], []];
            _order.Add(key);
        }
        positions[field].Add(position);
    }

    private static void Write(ArrayBufferWriter<byte> entry, ArrayBufferWriter<byte> where, long key, List<int>[] positions)
    {
        var mask = 0;
        for (var f = 0; f < 3; f++) if (positions[f].Count > 0) mask |= 1 << f;
        WriteVarint(entry, mask);
        foreach (var list in positions) if (list.Count > 0) WriteVarint(entry, list.Count);
        if (!IsPair(key)) return; // a single unit's positions are never needed: pairs locate every run of two or more
        foreach (var list in positions)
        {
            // One span per list, not one per varint: this loop runs for every character of every report.
            var span = where.GetSpan(list.Count * 5);
            int written = 0, previous = 0;
            foreach (var position in CollectionsMarshal.AsSpan(list))
            {
                written += IndexFormat.WriteVarint(span[written..], position - previous);
                previous = position;
            }
            where.Advance(written);
        }
    }

    public static void WriteVarint(ArrayBufferWriter<byte> output, int value) => output.Advance(IndexFormat.WriteVarint(output.GetSpan(5), value));
}
