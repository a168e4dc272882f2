using System.Text;

namespace SiteGen.Benchmarks;

/// <summary>A plain-text table of figures with their ratio, as the closing notes quote them.</summary>
public sealed class Table(string title, params string[] columns)
{
    private readonly List<(string Label, double Ours, double? Theirs)> _rows = [];
    private readonly List<string> _notes = [];

    /// <param name="theirs">Null when the peer could not do it (the cell says "failed").</param>
    public void Row(string label, double ours, double? theirs) => _rows.Add((label, ours, theirs));

    public void Note(string note) => _notes.Add(note);

    public override string ToString()
    {
        var width = Math.Max(_rows.Max(r => r.Label.Length), 20) + 2;
        var text = new StringBuilder().AppendLine().AppendLine(title);
        text.Append("".PadRight(width)).AppendJoin("", columns.Select(c => c.PadLeft(16))).AppendLine();
        foreach (var (label, ours, theirs) in _rows)
            text.Append(label.PadRight(width)).Append(Figure(ours).PadLeft(16)).Append((theirs is { } t ? Figure(t) : "failed").PadLeft(16))
                .Append((theirs is null or 0 ? "-" : $"{ours / theirs:0.00}x").PadLeft(16)).AppendLine();
        foreach (var note in _notes) text.AppendLine(note);
        return text.ToString();
    }

    private static string Figure(double value) => value >= 100 ? $"{value:N0}" : $"{value:0.00}";
}
