using System.Text.Json.Nodes;
using SiteGen.Content;

namespace SiteGen.Search;

/// <summary>
/// The facts every matching document is scored, filtered and counted by, one column each, with each
/// column's distinct values listed once: a document holds small numbers, not repeated names. Value 0
/// of every column is "none".
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

    private readonly Dictionary<string, (List<JsonNode?> Values, Dictionary<string, int> Index, JsonArray Column)> _columns =
        Names.ToDictionary(n => n, _ => (new List<JsonNode?> { null }, new Dictionary<string, int>(StringComparer.Ordinal), new JsonArray()));
    private readonly JsonArray _lengths = [];

    public void Add(Report report, int[] lengths)
    {
        Set("year", report.Year is { } year ? JsonValue.Create(year) : null);
        Set("province", Text(report.Region.Province));
        Set("type", Text(report.DocType));
        Set("region", Text(report.Region.IsKnown ? report.Region.Display : null));
        Set("publisher", Text(report.Publisher));
        foreach (var length in lengths) _lengths.Add(length);
    }

    public JsonObject Values(bool filterOnly) => new(Names.Where(n => FilterOnly.Contains(n) == filterOnly)
        .Select(n => KeyValuePair.Create(n, (JsonNode?)new JsonArray(_columns[n].Values.Select(v => v?.DeepClone()).ToArray()))));

    public JsonObject Columns(bool filterOnly)
    {
        var columns = new JsonObject(Names.Where(n => FilterOnly.Contains(n) == filterOnly)
            .Select(n => KeyValuePair.Create(n, (JsonNode?)_columns[n].Column.DeepClone())));
        if (!filterOnly) columns["len"] = _lengths.DeepClone();
        return columns;
    }

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
