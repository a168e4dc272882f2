using System.Numerics;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace SiteGen.Research;

/// <summary>A run of text in one side of a comparison, marked when it was inserted (newer side) or deleted (older side).</summary>
internal sealed record DiffPiece(string Text, bool Changed);

/// <summary>One paragraph pair side by side: same, changed (with the changed characters marked), only in the older or only in the newer.</summary>
/// <param name="Kind">same, changed, deleted (only older) or inserted (only newer).</param>
internal sealed record DiffLine(string Kind, IReadOnlyList<DiffPiece> Older, IReadOnlyList<DiffPiece> Newer);

/// <summary>
/// Compares one section of two years' reports, paragraph by paragraph (DiffPlex's side-by-side model) and, within a
/// changed paragraph that is still mostly the same text, character by character (Chinese has no spaces to split
/// words at). Two paragraphs that only stand in the same place are shown whole: marking every character of unrelated
/// text says nothing, and diffing them was 95% of the time a comparison took.
/// </summary>
internal static class SectionComparison
{
    private static readonly SideBySideDiffBuilder Builder = new(new Differ(), new LineChunker(), new LineChunker());
    private static readonly Differ Characters = new();

    /// <summary>The share of character pairs two paragraphs must have in common to be diffed character by character.</summary>
    public const double Similar = 0.4;

    public static IReadOnlyList<DiffLine> Compare(string older, string newer)
    {
        var model = Builder.BuildDiffModel(older, newer, false);
        return model.OldText.Lines.Zip(model.NewText.Lines, Line).ToList();
    }

    private static DiffLine Line(DiffPlex.DiffBuilder.Model.DiffPiece older, DiffPlex.DiffBuilder.Model.DiffPiece newer)
    {
        if (older.Type == ChangeType.Unchanged) return new DiffLine("same", [new(older.Text, false)], [new(newer.Text, false)]);
        if (older.Type == ChangeType.Imaginary) return new DiffLine("inserted", [], [new(newer.Text, true)]);
        if (newer.Type == ChangeType.Imaginary) return new DiffLine("deleted", [new(older.Text, true)], []);
        if (Overlap(older.Text, newer.Text) < Similar) return new DiffLine("changed", [new(older.Text, true)], [new(newer.Text, true)]);
        var diff = Characters.CreateDiffs(older.Text, newer.Text, false, false, new CharacterChunker());
        return new DiffLine("changed",
            Pieces(older.Text, diff.DiffBlocks.Select(b => (b.DeleteStartA, b.DeleteCountA))),
            Pieces(newer.Text, diff.DiffBlocks.Select(b => (b.InsertStartB, b.InsertCountB))));
    }

    /// <summary>A paragraph cut into runs of kept and of changed characters.</summary>
    private static List<DiffPiece> Pieces(string text, IEnumerable<(int Start, int Count)> changed)
    {
        var pieces = new List<DiffPiece>();
        var at = 0;
        foreach (var (start, count) in changed.Where(c => c.Count > 0))
        {
            if (start > at) pieces.Add(new DiffPiece(text[at..start], false));
            pieces.Add(new DiffPiece(text.Substring(start, count), true));
            at = start + count;
        }
        if (at < text.Length) pieces.Add(new DiffPiece(text[at..], false));
        return pieces;
    }

    /// <summary>The Jaccard similarity of two texts' sets of neighbouring character pairs.</summary>
    private static double Overlap(string a, string b)
    {
        // One small open-addressing table for both sets, each slot marked with the sides its pair is on: sorting each
        // paragraph's pairs was four fifths of this and two fifths of a comparison page.
        int inA = Math.Max(0, a.Length - 1), inB = Math.Max(0, b.Length - 1);
        if (inA + inB == 0) return 1;
        var bits = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)(inA + inB) * 2));
        Span<int> pairs = bits <= 12 ? stackalloc int[1 << bits] : new int[1 << bits];
        Span<byte> sides = bits <= 12 ? stackalloc byte[1 << bits] : new byte[1 << bits];
        var (distinctA, distinctB, common) = (Mark(a, OnA, pairs, sides, bits), 0, 0);
        for (var i = 0; i < inB; i++)
        {
            var slot = Find((b[i] << 16) | b[i + 1], pairs, sides, bits);
            if (sides[slot] == 0) distinctB++;
            else if (sides[slot] == OnA) { distinctB++; common++; }
            sides[slot] |= OnB;
        }
        return common / (double)(distinctA + distinctB - common);
    }

    private const byte OnA = 1, OnB = 2;

    /// <summary>Marks a text's pairs as on one side; returns how many distinct pairs it has.</summary>
    private static int Mark(string text, byte side, Span<int> pairs, Span<byte> sides, int bits)
    {
        var distinct = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var slot = Find((text[i] << 16) | text[i + 1], pairs, sides, bits);
            if (sides[slot] == 0) distinct++;
            sides[slot] |= side;
        }
        return distinct;
    }

    /// <summary>The slot that holds <paramref name="pair"/>, or the empty one where it goes (the pair written there).</summary>
    private static int Find(int pair, Span<int> pairs, Span<byte> sides, int bits)
    {
        var slot = (int)((uint)pair * 0x9E3779B1u >> (32 - bits));
        while (sides[slot] != 0 && pairs[slot] != pair) slot = (slot + 1) & ((1 << bits) - 1);
        pairs[slot] = pair;
        return slot;
    }
}
