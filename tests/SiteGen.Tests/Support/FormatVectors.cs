using System.Text.Json.Nodes;

namespace SiteGen.Tests.Support;

/// <summary>
/// tests/vectors/format.json: the algorithms both engines implement (hashes, varints, binary data in string literals, packed (deflated) data, coded text, columns files, terms in shard and dictionary files, positions, length codes, scores,
/// chunk order, query parsing), each case with the answer both must give, computed independently.
/// </summary>
public static class FormatVectors
{
    public static JsonObject All { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "format.json")))!.AsObject();

    public static JsonArray Cases(string name) => All[name]!.AsArray();

    /// <summary>The answers alone, in the shape the engines' own answers are put in, so one comparison serves both.</summary>
    public static JsonObject Expected() => new()
    {
        ["fnv"] = new JsonArray(Cases("fnv").Select(c => (JsonNode?)JsonValue.Create(c!["hash"]!.GetValue<uint>())).ToArray()),
        ["varint"] = new JsonArray(Cases("varint").Select(c => (JsonNode?)JsonValue.Create(c!["value"]!.GetValue<int>())).ToArray()),
        ["binary"] = new JsonArray(Cases("binary").Select(c => c!["bytes"]!.DeepClone()).ToArray()),
        ["packed"] = new JsonArray(Cases("packed").Select(c => c!["hex"]!.DeepClone()).ToArray()),
        ["text"] = new JsonArray(Cases("text").Select(c => c!["text"]?.DeepClone()).ToArray()),
        ["columns"] = new JsonArray(Cases("columns").Select(c => (JsonNode?)new JsonObject
        {
            ["values"] = c!["values"]!.DeepClone(), ["columns"] = c["columns"]!.DeepClone(), ["len"] = c["len"]?.DeepClone(),
        }).ToArray()),
        ["terms"] = new JsonArray(Cases("terms").Select(c => (JsonNode?)new JsonArray(c!["lookups"]!.AsArray().Select(l => l!["entry"]?.DeepClone()).ToArray())).ToArray()),
        ["positions"] = new JsonArray(Cases("positions").Select(c => (JsonNode?)new JsonArray(c!["docs"]!.AsArray().Select(d => d!["positions"]!.DeepClone()).ToArray())).ToArray()),
        ["lengths"] = new JsonArray(Cases("lengths").Select(c => (JsonNode?)JsonValue.Create(c!["length"]!.GetValue<int>())).ToArray()),
        ["scores"] = new JsonArray(Cases("scores").Select(c => (JsonNode?)JsonValue.Create(c!["score"]!.GetValue<double>())).ToArray()),
        ["chunks"] = new JsonArray(Cases("chunks").Select(c => c!["layout"]?.DeepClone()).ToArray()),
        ["queries"] = new JsonArray(Cases("queries").Select(c => (JsonNode?)new JsonObject
        {
            ["parts"] = c!["parts"]!.DeepClone(), ["excludes"] = c["excludes"]!.DeepClone(), ["filters"] = c["filters"]!.DeepClone(),
        }).ToArray()),
    };
}
