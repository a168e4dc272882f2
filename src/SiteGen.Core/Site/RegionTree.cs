using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Site;

/// <summary>
/// Province → city → county listings. A node's folder is its GB/T 2260 code when any of its reports
/// gives one (the code's prefix names the province and city too), else a stable id from its names.
/// </summary>
internal static class RegionTree
{
    private sealed class Node(string name, string path)
    {
        public string Name { get; } = name;
        public string NamePath { get; } = path;
        public string? Code { get; set; }
        public List<Report> Reports { get; } = [];
        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }

    public static List<Listing> Build(IReadOnlyList<Report> newest)
    {
        var root = new Node("", "");
        foreach (var report in newest.Where(r => r.Region.IsKnown))
        {
            var node = root;
            var names = report.Region.Names().ToList();
            for (var level = 0; level < names.Count; level++)
            {
                var name = names[level];
                if (!node.Children.TryGetValue(name, out var child))
                    node.Children[name] = child = new Node(name, node.NamePath + "/" + name);
                child.Code ??= CodeAt(report.Region.Code, level, names.Count);
                child.Reports.Add(report);
                node = child;
            }
        }
        return ToListings(root);
    }

    /// <summary>
    /// Reports that give one code to different places: their listings would want one folder (the build refused it
    /// with "two pages want the same output file", after check had said OK). One code, one place.
    /// </summary>
    public static IEnumerable<Diagnostic> Conflicts(IReadOnlyList<Report> reports)
    {
        var seen = new Dictionary<string, (string Name, Report Report)>(StringComparer.Ordinal);
        foreach (var report in reports.Where(r => r.Region.Code is not null).OrderBy(r => r.SourcePath, StringComparer.Ordinal))
        {
            var names = report.Region.Names().ToList();
            for (var level = 0; level < names.Count; level++)
            {
                var code = CodeAt(report.Region.Code, level, names.Count)!;
                if (!seen.TryGetValue(code, out var first)) seen[code] = (names[level], report);
                else if (first.Name != names[level])
                {
                    var (line, column) = report.LineOf("code");
                    yield return new Diagnostic(report.SourcePath, line, column,
                        $"region code {code} is '{first.Name}' in {first.Report.SourcePath} but '{names[level]}' here; one code is one place: correct the name or the code");
                    break;
                }
            }
        }
    }

    /// <summary>Maps each report's slug to the narrowest region listing that holds it.</summary>
    public static IReadOnlyDictionary<string, Listing> NarrowestBySlug(IReadOnlyList<Listing> provinces)
    {
        var map = new Dictionary<string, Listing>(StringComparer.Ordinal);
        void Visit(Listing listing)
        {
            foreach (var report in listing.Reports) map[report.Slug] = listing;
            foreach (var child in listing.Children) Visit(child);
        }
        foreach (var province in provinces) Visit(province);
        return map;
    }

    private static List<Listing> ToListings(Node parent) =>
        parent.Children.Values
            .OrderBy(n => n.Code ?? "999999", StringComparer.Ordinal)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new Listing(n.Name, $"{Archive.RegionsFolder}/{n.Code ?? SitePaths.StableId("r-", n.NamePath)}",
                n.Reports, ToListings(n)))
            .ToList();

    /// <summary>The code of the level-th named unit, read off the narrowest unit's 6-digit code.</summary>
    private static string? CodeAt(string? code, int level, int levels)
    {
        if (code is null) return null;
        // Municipalities such as 北京市 name only province and county: the last name is the code's own unit.
        if (level == levels - 1) return code;
        return level switch
        {
            0 => code[..2] + "0000",
            1 => code[..4] + "00",
            _ => code,
        };
    }
}
