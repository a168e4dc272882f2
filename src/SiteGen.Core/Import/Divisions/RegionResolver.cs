using System.Text.RegularExpressions;
using SiteGen.Content;

namespace SiteGen.Import.Divisions;

/// <summary>A region found in a document, with the reason when it could not be settled.</summary>
/// <param name="Name">The place name the region was resolved from; <paramref name="Rule"/> says where it was found and how it was settled.</param>
internal sealed record ResolvedRegion(Region Region, Division? Unit, string? Warning, string? Name = null, string? Rule = null);

/// <summary>
/// Resolves the place a document is about from the place names in its title and issuer, using
/// the body only as evidence. A name shared by several places (朝阳区, 鼓楼区, 新县…) is settled only
/// when the text also names its province or city; otherwise the region is left unknown, with a warning.
/// </summary>
internal sealed partial class RegionResolver(DivisionTable table)
{
    private readonly Lazy<NameIndex> _index = new(() => NameIndex.Build(BuildNames(table)));

    /// <summary>Names to units, and for each two-character prefix the longest name that starts with it.</summary>
    private sealed record NameIndex(Dictionary<string, List<Division>> Names, Dictionary<int, int> LongestByPrefix)
    {
        public static NameIndex Build(Dictionary<string, List<Division>> names)
        {
            var longest = new Dictionary<int, int>();
            foreach (var name in names.Keys)
            {
                var key = Prefix(name[0], name[1]);
                longest[key] = Math.Max(longest.GetValueOrDefault(key), name.Length);
            }
            return new NameIndex(names, longest);
        }
    }

    public static RegionResolver Shared { get; } = new(DivisionTable.Shared);

    /// <summary>Characters of the body's opening (an addressee, the first paragraph) that name the place when the title and issuer do not.</summary>
    private const int Opening = 300;

    public ResolvedRegion Resolve(string title, string? issuer, string body)
    {
        var primary = Scan(title + "\n" + issuer);
        var evidence = Scan(body.Length > 4000 ? body[..4000] : body).Concat(primary).ToList();
        var where = "place named in the title or publisher";
        // Without a place in the title or issuer, the body's opening says which place reports (2021年,天心区坚持…).
        if (primary.Count == 0) (primary, where) = (Scan(body.Length > Opening ? body[..Opening] : body), "place named in the body's opening");
        if (primary.Count == 0) return new ResolvedRegion(Region.Unknown, null, null);

        // The narrowest unit the title or issuer names is what the document is about.
        var deepest = primary.SelectMany(m => m.Candidates).Max(c => c.Level);
        var names = primary.Where(m => m.Candidates.Any(c => c.Level == deepest)).Select(m => m.Name).Distinct().ToList();
        var candidates = primary.Where(m => names.Contains(m.Name)).SelectMany(m => m.Candidates)
            .Where(c => c.Level == deepest).Distinct().ToList();

        var chosen = candidates.Count == 1 ? candidates[0] : Settle(candidates, evidence);
        if (chosen is null)
            return new ResolvedRegion(Region.Unknown, null,
                $"地名“{names[0]}”有{candidates.Count}处同名（{string.Join("、", candidates.Select(c => FullName(c)))}），正文未能确定是哪一处，地区未填写");

        if (candidates.Count > 1) where += ", one of several so named, settled by its province or city in the text";
        var narrowed = Narrow(chosen, body);
        if (narrowed != chosen) where += $", narrowed to the county the text puts the zone in ({narrowed.Name})";
        return new ResolvedRegion(ToRegion(narrowed), narrowed, null, names[0], $"{where}: {names[0]}");
    }

    /// <summary>Picks the one candidate whose province or city the text also names.</summary>
    private Division? Settle(IReadOnlyList<Division> candidates, IReadOnlyList<NameMatch> evidence)
    {
        var scored = candidates
            .Select(c => (Unit: c, Score: table.Ancestry(c).Where(a => a != c).Count(a => evidence.Any(e => e.Candidates.Contains(a)))))
            .OrderByDescending(s => s.Score)
            .ToList();
        return scored[0].Score > 0 && (scored.Count == 1 || scored[1].Score < scored[0].Score) ? scored[0].Unit : null;
    }

    /// <summary>
    /// A city-level result for a development zone becomes the county the text puts the zone in,
    /// as in 高新区(清城区) — only when that county lies in the same city.
    /// </summary>
    private Division Narrow(Division unit, string body)
    {
        if (unit.Level != 2) return unit;
        foreach (Match m in ZoneInCounty().Matches(body))
            foreach (var county in table.Named(m.Groups["county"].Value))
                if (county.Code.StartsWith(unit.Code, StringComparison.Ordinal)) return county;
        return unit;
    }

    private Region ToRegion(Division unit)
    {
        var chain = table.Ancestry(unit).ToList();
        string? At(int level) => chain.FirstOrDefault(d => d.Level == level)?.Name;
        var county = chain.LastOrDefault(d => d.Level <= 3)!;
        return new Region(At(1), At(2), At(3), county.Code6);
    }

    private string FullName(Division unit) => string.Concat(table.Ancestry(unit).Where(d => d.Level <= 3).Select(d => d.Name));

    private sealed record NameMatch(string Name, IReadOnlyList<Division> Candidates);

    /// <summary>Leftmost-longest scan for division names, so 沙坡头区 is never read as 坡头区.</summary>
    private List<NameMatch> Scan(string text)
    {
        var found = new List<NameMatch>();
        // Looked up by span: a report body is scanned at every position without allocating a string.
        var index = _index.Value;
        var names = index.Names.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < text.Length;)
        {
            var matched = 0;
            // Only positions where some name starts are tried, and only up to that prefix's longest name.
            if (i + 1 < text.Length && index.LongestByPrefix.TryGetValue(Prefix(text[i], text[i + 1]), out var longest))
                for (var length = Math.Min(longest, text.Length - i); length >= 2; length--)
                {
                    if (names.TryGetValue(text.AsSpan(i, length), out var name, out var units) && FitsContext(name, units, text, i + length))
                    {
                        found.Add(new NameMatch(name, units));
                        matched = length;
                        break;
                    }
                }
            i += Math.Max(matched, 1);
        }
        return found;
    }

    private static int Prefix(char a, char b) => (a << 16) | b;


    // A short form (安丘 for 安丘市) counts only where a development zone or a unit word follows it; one that ends
    // in its own unit word (金平县) stands alone.
    private static bool FitsContext(string name, IReadOnlyList<Division> units, string text, int end) =>
        units.Any(u => u.Name == name) || UnitSuffix().IsMatch(name) || ShortFormFollower().IsMatch(text.AsSpan(end));

    private static Dictionary<string, List<Division>> BuildNames(DivisionTable table)
    {
        var names = new Dictionary<string, List<Division>>(StringComparer.Ordinal);
        void Add(string name, Division unit)
        {
            if (name.Length < 2) return;
            if (!names.TryGetValue(name, out var list)) names[name] = list = [];
            if (!list.Contains(unit)) list.Add(unit);
        }
        foreach (var name in table.Names)
            foreach (var unit in table.Named(name))
            {
                // Townships are matched only as issuers' full names (XX街道, XX镇) and development zones.
                if (unit.Level == 4 && (name.Length < 4 || !FullTownshipName().IsMatch(name))) continue;
                if (GenericNames.Contains(name) || (unit.Level == 4 && GenericZone().IsMatch(name))) continue;
                Add(name, unit);
                if (unit.Level <= 3 && ShortForm(name) is { } shortName) Add(shortName, unit);
                // 金平苗族瑶族傣族自治县 is written 金平县, 红河哈尼族彝族自治州 红河州.
                if (unit.Level <= 3 && Autonomous().Match(name) is { Success: true } autonomous)
                    Add(autonomous.Groups["place"].Value + autonomous.Groups["kind"].Value, unit);
            }
        return names;
    }

    // Unit names that are also everyday words (城区 is "the urban area" in most reports).
    private static readonly HashSet<string> GenericNames = ["城区", "郊区", "矿区", "新区", "开发区", "高新区"];

    private static string? ShortForm(string name)
    {
        var m = UnitSuffix().Match(name);
        return m.Success && m.Index >= 2 ? name[..m.Index] : null;
    }

    [GeneratedRegex(@"(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|自治州|自治县|地区|省|市|县|区|盟|旗)$")]
    private static partial Regex UnitSuffix();

    [GeneratedRegex(@"^(?<place>[\p{IsCJKUnifiedIdeographs}]{2,3}?)(?:[\p{IsCJKUnifiedIdeographs}]{1,3}族)+自治(?<kind>县|州|旗)$")]
    private static partial Regex Autonomous();

    // Zones named by their kind alone (经济开发区, 高新技术产业开发区): several places have one of each.
    [GeneratedRegex(@"^(省级|国家级)?(经济技术|经济|高新技术产业|高新技术|高新|工业|产业|化工|物流|综合|农业|科技|现代农业)?(开发区|园区|新区|工业园|示范区|集中区)$")]
    private static partial Regex GenericZone();

    [GeneratedRegex(@"(街道|镇|乡|开发区|高新区|园区|新区|工业园)$")]
    private static partial Regex FullTownshipName();

    [GeneratedRegex(@"^(经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|新区|工业园|产业园|市|县|区|省)")]
    private static partial Regex ShortFormFollower();

    [GeneratedRegex(@"(?:开发区|高新区|经开区|新区|园区)[（(](?<county>[\p{IsCJKUnifiedIdeographs}]{1,8}?(?:区|县|市))[)）]")]
    private static partial Regex ZoneInCounty();
}
