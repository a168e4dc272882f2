using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// One document's terms, each with the document's part of its postings already encoded (field mask,
/// counts, and positions for pairs), so documents can be taken apart in parallel and appended in order.
/// An instance is scratch space for one thread: its tables are reused from document to document.
/// </summary>
internal sealed class DocumentTerms
{
    // Every occurrence ("note") of a unit or pair, chained per term in the order noted, which is field by field
    // and position by position: the order its postings are written in. An open-addressing table finds a key's
    // term. Taking documents apart was a sixth of a cold build's CPU (perf, 10,000 reports); a Dictionary of
    // position lists per term took 1.6 times as long as this.
    private Slot[] _slots = new Slot[1024];
    private int _stamp, _shift = 64 - 10;
    private readonly List<long> _order = [];
    private int[] _firstNote = new int[256], _lastNote = new int[256];
    private int[] _noteNext = new int[256], _noteField = new int[256], _notePosition = new int[256];
    private int _notes;
    // Each field's units, and the encoded entries and positions before they are copied out: a document's worth, reused.
    private readonly List<List<int>> _codes = [];
    private readonly ArrayBufferWriter<byte> _entries = new(), _positions = new();

    private readonly record struct Slot(long Key, int Term, int Stamp);

    /// <summary>
    /// A document's terms: <c>Bytes</c> holds term <c>Keys[i]</c>'s entry (field mask and counts) for each term in turn,
    /// <c>Positions</c> the positions of each pair in turn, as many as its counts say. Both are read in order, each entry
    /// saying how long it is, so where each starts is not kept: those two arrays were a third of the cached terms (a
    /// third of 940 MB at 10,000 reports), and nothing read them.
    /// </summary>
    public sealed record Encoded(long[] Keys, byte[] Bytes, byte[] Positions, int[] Lengths);

    // A unit is its code point; a pair sets bit 62 and packs both (code points fit in 21 bits), and bit 61 when
    // punctuation stands between them (a broken pair, written with a space between: IndexFormat.PartTerms).
    public static long Pair(int first, int second, bool broken) =>
        (1L << 62) | (broken ? 1L << 61 : 0) | ((long)first << 21) | (uint)second;

    public static bool IsPair(long key) => (key & (1L << 62)) != 0;

    /// <summary>A pair's two code points, and whether punctuation stands between them (<see cref="Pair"/> undone).</summary>
    public static (int First, int Second, bool Broken) PairParts(long key) =>
        ((int)((key >> 21) & 0x1FFFFF), (int)(key & 0x1FFFFF), (key & (1L << 61)) != 0);

    public static string Text(long key)
    {
        if (!IsPair(key)) return char.ConvertFromUtf32((int)key);
        var (first, second, broken) = PairParts(key);
        return char.ConvertFromUtf32(first) + (broken ? " " : "") + char.ConvertFromUtf32(second);
    }

    public Encoded Encode(string[] fields)
    {
        while (_codes.Count < fields.Length) _codes.Add([]);
        var total = 0;
        for (var field = 0; field < fields.Length; field++)
        {
            TextUnits.CodePoints(fields[field], _codes[field]);
            total += _codes[field].Count;
        }
        Reset(2 * total);
        var lengths = new int[fields.Length];
        for (var field = 0; field < fields.Length; field++)
        {
            var units = CollectionsMarshal.AsSpan(_codes[field]);
            lengths[field] = Bm25.StoredLength(units.Length);
            for (var p = 0; p < units.Length; p++)
            {
                var unit = units[p] & ~TextUnits.BreakBefore;
                Note(unit, field, p);
                if (p + 1 < units.Length) Note(Pair(unit, units[p + 1] & ~TextUnits.BreakBefore, (units[p + 1] & TextUnits.BreakBefore) != 0), field, p);
            }
        }

        var (entries, positions) = (_entries, _positions);
        entries.ResetWrittenCount();
        positions.ResetWrittenCount();
        for (var t = 0; t < _order.Count; t++) Write(entries, positions, t);
        return new Encoded(_order.ToArray(), entries.WrittenSpan.ToArray(), positions.WrittenSpan.ToArray(), lengths);
    }

    /// <summary>Makes room for <paramref name="notes"/> notes and forgets the last document's terms.</summary>
    private void Reset(int notes)
    {
        _order.Clear();
        _notes = 0;
        if (_noteNext.Length < notes)
        {
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)notes);
            (_noteNext, _noteField, _notePosition, _firstNote, _lastNote) = (new int[size], new int[size], new int[size], new int[size], new int[size]);
        }
        // More slots than notes, so a probe always ends; a document has far fewer terms than notes, so most probes end at once.
        if (_slots.Length <= notes)
        {
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)notes + 1);
            (_slots, _stamp, _shift) = (new Slot[size], 0, 64 - BitOperations.Log2((uint)size));
        }
        // A slot is taken only if stamped for this document, so nothing needs clearing.
        if (++_stamp == int.MaxValue) (_stamp, _slots) = (1, new Slot[_slots.Length]);
    }

    private void Note(long key, int field, int position)
    {
        var mask = _slots.Length - 1;
        var index = (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);
        while (_slots[index].Stamp == _stamp && _slots[index].Key != key) index = (index + 1) & mask;
        ref var slot = ref _slots[index];
        var note = _notes++;
        (_noteNext[note], _noteField[note], _notePosition[note]) = (-1, field, position);
        if (slot.Stamp != _stamp)
        {
            slot = new Slot(key, _order.Count, _stamp);
            _order.Add(key);
            _firstNote[slot.Term] = note;
        }
        else _noteNext[_lastNote[slot.Term]] = note;
        _lastNote[slot.Term] = note;
    }

    private void Write(ArrayBufferWriter<byte> entry, ArrayBufferWriter<byte> where, int term)
    {
        Span<int> counts = stackalloc int[3];
        var all = 0;
        for (var note = _firstNote[term]; note >= 0; note = _noteNext[note], all++) counts[_noteField[note]]++;
        var mask = 0;
        for (var f = 0; f < 3; f++) if (counts[f] > 0) mask |= 1 << f;
        WriteVarint(entry, mask);
        for (var f = 0; f < 3; f++) if (counts[f] > 0) WriteVarint(entry, counts[f]);
        if (!IsPair(_order[term])) return; // a single unit's positions are never needed: pairs locate every run of two or more
        // Each field's positions as gaps from the last, starting from 0 in each field.
        var span = where.GetSpan(all * 5);
        int written = 0, previous = 0, current = -1;
        for (var note = _firstNote[term]; note >= 0; note = _noteNext[note])
        {
            if (_noteField[note] != current) (current, previous) = (_noteField[note], 0);
            written += IndexFormat.WriteVarint(span[written..], _notePosition[note] - previous);
            previous = _notePosition[note];
        }
        where.Advance(written);
    }

    public static void WriteVarint(ArrayBufferWriter<byte> output, int value) => output.Advance(IndexFormat.WriteVarint(output.GetSpan(5), value));
}
