namespace SiteGen.Diagnostics;

/// <summary>Collects problems so a run can report all of them at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly object _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate) _items.Add(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_gate) _items.AddRange(diagnostics);
    }

    public bool HasErrors
    {
        get { lock (_gate) return _items.Count > 0; }
    }

    /// <summary>Sorted by file and position so output is the same whatever order work ran in.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_gate)
            return _items
                .OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line).ThenBy(d => d.Column)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .Distinct()
                .ToList();
    }

    public void ThrowIfAny()
    {
        if (HasErrors) throw new SiteGenException(ToSortedList());
    }
}
