using System.Text.RegularExpressions;

namespace SiteGen.Search.Format;

/// <summary>One part of a query: its text and the units a match must show in a row (with the query's breaks).</summary>
internal sealed record QueryPart(string Text, IReadOnlyList<Unit> Units, bool Quoted)
{
    public static QueryPart Of(string text, bool quoted) => new(text, TextUnits.Split(text), quoted);

    /// <summary>The units as one string, a space where the query has a break: parts with one key ask the same.</summary>
    public string Key => string.Concat(Units.Select(u => u.Break ? " " + u.Text : u.Text));
}

/// <summary>
/// A parsed query: parts that must all appear (spaces separate them), "…" phrases, -exclusions and
/// year:/type:/region:/publisher: filters. Mirrors parse() in search.js.
/// </summary>
internal sealed partial record Query(IReadOnlyList<QueryPart> Parts, IReadOnlyList<QueryPart> Excludes, IReadOnlyDictionary<string, string> Filters)
{
    private const int MaxLength = 2000;

    private static readonly Dictionary<string, string> FilterNames = new()
    {
        ["year"] = "year", ["年度"] = "year", ["type"] = "type", ["类型"] = "type",
        ["region"] = "region", ["地区"] = "region", ["publisher"] = "publisher", ["发布机构"] = "publisher",
    };

    public static Query Parse(string? text)
    {
        var q = text ?? "";
        if (q.Length > MaxLength) q = q[..MaxLength];
        var parts = new List<QueryPart>();
        var excludes = new List<QueryPart>();
        var filters = new Dictionary<string, string>();
        var i = 0;
        while (i < q.Length)
        {
            var c = q[i];
            if (IsSpace(q[i])) { i++; continue; }
            var negative = false;
            if (c is '-' or '\uFF0D' && i + 1 < q.Length && !IsSpace(q[i + 1])) { negative = true; i++; c = q[i]; }
            string part;
            var quoted = false;
            if (c is '"' or '\u201C' or '\u201D')
            {
                var close = q.IndexOfAny(['"', '\u201C', '\u201D'], i + 1);
                part = close < 0 ? q[(i + 1)..] : q[(i + 1)..close];
                i = close < 0 ? q.Length : close + 1;
                quoted = true;
            }
            else
            {
                var end = Space().Match(q, i);
                part = end.Success ? q[i..end.Index] : q[i..];
                i = end.Success ? end.Index : q.Length;
                var colon = part.IndexOfAny([':', '：']);
                if (!negative && colon > 0 && colon < part.Length - 1 && FilterNames.TryGetValue(part[..colon].ToLowerInvariant(), out var filter))
                {
                    filters[filter] = part[(colon + 1)..];
                    continue;
                }
            }
            var asked = QueryPart.Of(part, quoted);
            var list = negative ? excludes : parts;
            // A part without units (punctuation only) asks nothing; a repeated part asks nothing new.
            if (asked.Units.Count == 0 || list.Any(p => p.Key == asked.Key)) continue;
            list.Add(asked);
        }
        return new Query(parts, excludes, filters);
    }

    /// <summary>JavaScript's \s, character for character, so both engines split a query alike.</summary>
    private const string Spaces = "\t\n\v\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private static bool IsSpace(char c) => Spaces.Contains(c);

    [GeneratedRegex("[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]")]
    private static partial Regex Space();
}
