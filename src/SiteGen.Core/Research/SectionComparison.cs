using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace SiteGen.Research;

/// <summary>A run of text in one side of a comparison, marked when it was inserted (newer side) or deleted (older side).</summary>
public sealed record DiffPiece(string Text, bool Changed);

/// <summary>One paragraph pair side by side: same, changed (with the changed characters marked), only in the older or only in the newer.</summary>
/// <param name="Kind">same, changed, deleted (only older) or inserted (only newer).</param>
public sealed record DiffLine(string Kind, IReadOnlyList<DiffPiece> Older, IReadOnlyList<DiffPiece> Newer);

/// <summary>
/// Compares one section of two years' reports, paragraph by paragraph and, within a changed paragraph, character by
/// character (Chinese has no spaces to split words at): DiffPlex's side-by-side model.
/// </summary>
public static class SectionComparison
{
    private static readonly SideBySideDiffBuilder Builder = new(new Differ(), new LineChunker(), new CharacterChunker());

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
        return new DiffLine("changed", Pieces(older, ChangeType.Deleted), Pieces(newer, ChangeType.Inserted));
    }

    /// <summary>A changed paragraph's characters, runs of unchanged and of changed ones joined.</summary>
    private static List<DiffPiece> Pieces(DiffPlex.DiffBuilder.Model.DiffPiece line, ChangeType changed)
    {
        var pieces = new List<DiffPiece>();
        foreach (var sub in line.SubPieces.Where(p => p.Type != ChangeType.Imaginary && p.Text is not null))
        {
            var isChanged = sub.Type == changed || sub.Type == ChangeType.Modified;
            if (pieces.Count > 0 && pieces[^1].Changed == isChanged) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + sub.Text };
            else pieces.Add(new DiffPiece(sub.Text!, isChanged));
        }
        return pieces;
    }
}
