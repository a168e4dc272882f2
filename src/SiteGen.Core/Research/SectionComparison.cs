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
        var (x, y) = (Pairs(a), Pairs(b));
        if (x.Length + y.Length == 0) return 1;
        var common = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j]) { common++; i++; j++; }
            else if (x[i] < y[j]) i++;
            else j++;
        }
        return common / (double)(x.Length + y.Length - common);
    }

    // A sorted array, not a set: a set a paragraph was half of what a comparison cost.
    private static int[] Pairs(string text)
    {
        var pairs = new int[Math.Max(0, text.Length - 1)];
        for (var i = 0; i < pairs.Length; i++) pairs[i] = (text[i] << 16) | text[i + 1];
        Array.Sort(pairs);
        return pairs[..Distinct(pairs)];
    }

    private static int Distinct(int[] sorted)
    {
        var kept = 0;
        for (var i = 0; i < sorted.Length; i++) if (kept == 0 || sorted[i] != sorted[kept - 1]) sorted[kept++] = sorted[i];
        return kept;
    }
}
