using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteGen.Site;

namespace SiteGen.Search;

/// <summary>
/// Builds the search index the browser and <c>sitegen search</c> both read: postings of every
/// character and character pair with positions per field, split into shards by term hash, a manifest
/// of documents, and each document's text for snippets. Every file is a classic script.
/// </summary>
public static class SearchIndexWriter
{
    private const int TargetShardBytes = 16 * 1024;
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the index files through <paramref name="write"/>; returns the manifest's path.</summary>
    public static string Write(IReadOnlyList<SearchDocument> documents, Action<string, string> write)
    {
        var postings = Collect(documents);
        var encoded = postings.ToDictionary(p => p.Key, p => Encode(p.Value), StringComparer.Ordinal);
        var totalBytes = encoded.Values.Sum(e => e.Length + 8);
        var shardCount = Math.Clamp((int)Math.Ceiling(totalBytes / (double)TargetShardBytes), 1, 4096);

        var shardFiles = new string[shardCount];
        foreach (var shard in encoded.GroupBy(e => IndexFormat.ShardOf(e.Key, shardCount)).OrderBy(g => g.Key))
        {
            var data = EncodeShard(shard.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, postings[e.Key].Count, e.Value)));
            var script = IndexFormat.Script("shard", $"{shard.Key},\"{Convert.ToBase64String(data)}\"");
            shardFiles[shard.Key] = IndexFormat.HashedName($"s{shard.Key}", script);
            write($"{IndexFormat.Folder}/{shardFiles[shard.Key]}", script);
        }

        var docs = new JsonArray();
        for (var id = 0; id < documents.Count; id++)
        {
            var doc = documents[id];
            var text = JsonSerializer.Serialize(doc.FieldTexts, Json);
            var script = IndexFormat.Script("text", $"{id},{text}");
            var textFile = IndexFormat.HashedName($"t{id}", script);
            write($"{IndexFormat.Folder}/{textFile}", script);
            docs.Add(Describe(doc, textFile));
        }

        var manifest = new JsonObject
        {
            ["version"] = IndexFormat.Version,
            ["tokenizer"] = TextUnits.Name,
            ["fields"] = new JsonArray(IndexFormat.Fields.Select(f => (JsonNode)f).ToArray()),
            ["weights"] = new JsonArray(IndexFormat.Weights.Select(w => (JsonNode)w).ToArray()),
            ["avgLength"] = new JsonArray(Enumerable.Range(0, 3).Select(f => (JsonNode)AverageLength(documents, f)).ToArray()),
            ["shards"] = new JsonArray(shardFiles.Select(f => (JsonNode?)f).ToArray()),
            ["docs"] = docs,
        };
        var manifestScript = IndexFormat.Script("manifest", manifest.ToJsonString(Json));
        var manifestPath = $"{IndexFormat.Folder}/{IndexFormat.HashedName("index", manifestScript)}";
        write(manifestPath, manifestScript);
        return manifestPath;
    }

    private sealed record Posting(int Doc, List<int>[] Positions);

    /// <summary>Every character and every pair of neighbouring characters, with their positions in each field.</summary>
    private static Dictionary<string, List<Posting>> Collect(IReadOnlyList<SearchDocument> documents)
    {
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var id = 0; id < documents.Count; id++)
        {
            var fields = documents[id].FieldTexts;
            for (var field = 0; field < fields.Length; field++)
            {
                var units = TextUnits.Split(fields[field]);
                for (var p = 0; p < units.Count; p++)
                {
                    Add(postings, units[p].Text, id, field, p);
                    if (p + 1 < units.Count) Add(postings, units[p].Text + units[p + 1].Text, id, field, p);
                }
            }
        }
        return postings;
    }

    private static void Add(Dictionary<string, List<Posting>> postings, string term, int doc, int field, int position)
    {
        if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
        if (list.Count == 0 || list[^1].Doc != doc) list.Add(new Posting(doc, [[], [], []]));
        list[^1].Positions[field].Add(position);
    }

    private static byte[] Encode(List<Posting> postings)
    {
        using var bytes = new MemoryStream();
        var previousDoc = 0;
        foreach (var posting in postings)
        {
            IndexFormat.WriteVarint(bytes, posting.Doc - previousDoc);
            previousDoc = posting.Doc;
            var mask = 0;
            for (var f = 0; f < 3; f++) if (posting.Positions[f].Count > 0) mask |= 1 << f;
            IndexFormat.WriteVarint(bytes, mask);
            foreach (var positions in posting.Positions.Where(p => p.Count > 0))
            {
                IndexFormat.WriteVarint(bytes, positions.Count);
                var previous = 0;
                foreach (var position in positions)
                {
                    IndexFormat.WriteVarint(bytes, position - previous);
                    previous = position;
                }
            }
        }
        return bytes.ToArray();
    }

    private static byte[] EncodeShard(IEnumerable<(string Term, int DocCount, byte[] Postings)> terms)
    {
        var list = terms.ToList();
        using var bytes = new MemoryStream();
        IndexFormat.WriteVarint(bytes, list.Count);
        foreach (var (term, docCount, postings) in list)
        {
            var utf8 = Encoding.UTF8.GetBytes(term);
            IndexFormat.WriteVarint(bytes, utf8.Length);
            bytes.Write(utf8);
            IndexFormat.WriteVarint(bytes, docCount);
            IndexFormat.WriteVarint(bytes, postings.Length);
            bytes.Write(postings);
        }
        return bytes.ToArray();
    }

    private static JsonObject Describe(SearchDocument doc, string textFile)
    {
        var r = doc.Report;
        return new JsonObject
        {
            ["slug"] = r.Slug,
            ["url"] = doc.Url,
            ["title"] = r.Title,
            ["date"] = PagePlanner.IsoDate(r.Date),
            ["year"] = r.Year,
            ["province"] = r.Region.Province,
            ["region"] = r.Region.IsKnown ? r.Region.Display : null,
            ["type"] = r.DocType,
            ["publisher"] = r.Publisher,
            ["len"] = new JsonArray(doc.FieldTexts.Select(t => (JsonNode)TextUnits.Split(t).Count).ToArray()),
            ["text"] = textFile,
        };
    }

    private static double AverageLength(IReadOnlyList<SearchDocument> documents, int field) =>
        documents.Count == 0 ? 0 : Math.Round(documents.Average(d => (double)TextUnits.Split(d.FieldTexts[field]).Count), 2);
}
