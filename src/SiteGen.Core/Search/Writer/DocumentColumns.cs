using System.Text.Json.Nodes;
using SiteGen.Content;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// The facts documents are scored, filtered and counted by, one column each, with each column's distinct
/// values listed once: a document holds small numbers, not repeated names. Value 0 of every column is
/// "none". Each segment has its own (with its documents' lengths); the whole archive's region and
/// publisher columns are a file of their own, and its other values name the segments' counts in the manifest.
/// </summary>
internal sealed class DocumentColumns
{
    public static readonly string[] Names = ["year", "province", "type", "region", "publisher"];

    /// <summary>
    /// Columns only the region: and publisher: filters read. Their names are many (one per county, one per
    /// office), so they sit, numbers and names, in a file of their own that only such queries load; results
    /// shown carry their own region and publisher.
    /// </summary>
    public static readonly string[] FilterOnly = ["region", "publisher"];

    private readonly Dictionary<string, (List<JsonNode?> Values, Dictionary<string, int> Index, List<int> Column)> _columns =
        Names.ToDictionary(n => n, _ => (new List<JsonNode?> { null }, new Dictionary<string, int>(StringComparer.Ordinal), new List<int>()));
    private readonly List<int> _lengths = [];

    /// <param name="lengths">Units in title, meta and body as scored (<see cref="Bm25.StoredLength"/>), if these columns score documents.</param>
    public void Add(Report report, int[]? lengths = null)
    {
        Set("year", report.Year is { } year ? JsonValue.Create(year) : null);
        Set("province", Text(report.Region.Province));
        Set("type", Text(report.DocType));
        Set("region", Text(report.Region.IsKnown ? report.Region.Display : null));
        Set("publisher", Text(report.Publisher));
        if (lengths is not null) _lengths.AddRange(lengths);
    }

    public JsonObject Values(bool filterOnly) => new(NamesOf(filterOnly)
        .Select(n => KeyValuePair.Create(n, (JsonNode?)new JsonArray(_columns[n].Values.Select(v => v?.DeepClone()).ToArray()))));

    /// <summary>The columns file's data (<see cref="ColumnsCode"/>): the values, each document's numbers, and its length codes if it has any.</summary>
    public string Packed(bool filterOnly, System.Text.Json.JsonSerializerOptions json)
    {
        return ColumnsCode.Packed(Values(filterOnly), NamesOf(filterOnly).Select(n => (IReadOnlyList<int>)_columns[n].Column).ToList(),
            filterOnly ? [] : _lengths.Select(l => (byte)Bm25.LengthCode(l)).ToList(), json);
    }

    /// <summary>The columns of one file, in the order it holds them: the filter values' or a segment's.</summary>
    private static IEnumerable<string> NamesOf(bool filterOnly) => Names.Where(n => FilterOnly.Contains(n) == filterOnly);

    /// <summary>
    /// How many of documents start…start+count−1 have each value of the column other than none, as
    /// [value, count, value, count, …] by value: what a query estimates the segments it does not open from.
    /// </summary>
    public JsonArray Counts(string name, int start, int count)
    {
        var column = _columns[name].Column;
        var counts = new SortedDictionary<int, int>();
        for (var d = start; d < start + count; d++)
            if (column[d] != 0) counts[column[d]] = counts.GetValueOrDefault(column[d]) + 1;
        return Numbers(counts.SelectMany(c => new[] { c.Key, c.Value }));
    }

    private static JsonArray Numbers(IEnumerable<int> numbers) => new(numbers.Select(n => (JsonNode?)n).ToArray());

    private static JsonValue? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);

    private void Set(string name, JsonValue? value)
    {
        var (values, index, column) = _columns[name];
        if (value is null)
        {
            column.Add(0);
            return;
        }
        var key = value.ToJsonString();
        if (!index.TryGetValue(key, out var number))
        {
            index[key] = number = values.Count;
            values.Add(value);
        }
        column.Add(number);
    }
}
