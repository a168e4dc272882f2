using System.Buffers;
using System.Runtime.InteropServices;
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
        var (terms, lengths) = Collect(documents);
        var totalBytes = terms.Values.Sum(t => t.Postings.WrittenCount + 8);
        var shardCount = Math.Clamp((int)Math.Ceiling(totalBytes / (double)TargetShardBytes), 1, 4096);

        var shardFiles = new string[shardCount];
        var byShard = terms.Values.Select(t => (Term: t.Text, Entry: t))
            .GroupBy(t => IndexFormat.ShardOf(t.Term, shardCount))
            .OrderBy(g => g.Key);
        foreach (var shard in byShard)
        {
            var data = EncodeShard(shard.OrderBy(e => e.Term, StringComparer.Ordinal)
                .Select(e => (e.Term, e.Entry.DocCount, e.Entry.Postings.WrittenSpan.ToArray())));
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
            docs.Add(Describe(doc, lengths[id], textFile));
        }

        var manifest = new JsonObject
        {
            ["version"] = IndexFormat.Version,
            ["tokenizer"] = TextUnits.Name,
            ["fields"] = new JsonArray(IndexFormat.Fields.Select(f => (JsonNode)f).ToArray()),
            ["weights"] = new JsonArray(IndexFormat.Weights.Select(w => (JsonNode)w).ToArray()),
            ["avgLength"] = new JsonArray(Enumerable.Range(0, 3).Select(f => (JsonNode)AverageLength(lengths, f)).ToArray()),
            ["shards"] = new JsonArray(shardFiles.Select(f => (JsonNode?)f).ToArray()),
            ["docs"] = docs,
        };
        var manifestScript = IndexFormat.Script("manifest", manifest.ToJsonString(Json));
        write(IndexFormat.Manifest, manifestScript);
        return IndexFormat.Manifest;
    }

    /// <summary>A term's postings, encoded as documents arrive (they arrive in id order).</summary>
    private sealed class TermPostings(string text)
    {
        public string Text { get; } = text;
        public ArrayBufferWriter<byte> Postings { get; } = new(16);
        public int DocCount { get; set; }
        public int LastDoc { get; set; }
    }

    /// <summary>
    /// Every unit and every pair of neighbouring units, with how often (and, for pairs, where) they occur in
    /// each field. Documents are taken apart in parallel; their entries are appended to the terms' postings
    /// in document order, so the result does not depend on the threads.
    /// </summary>
    private static (Dictionary<long, TermPostings> Terms, int[][] Lengths) Collect(IReadOnlyList<SearchDocument> documents)
    {
        var terms = new Dictionary<long, TermPostings>();
        var lengths = new int[documents.Count][];
        using var scratch = new ThreadLocal<DocumentTerms>(() => new DocumentTerms());
        var encoded = documents.AsParallel().AsOrdered().Select(d => scratch.Value!.Encode(d.FieldTexts));
        var id = 0;
        foreach (var document in encoded)
        {
            lengths[id] = document.Lengths;
            for (var i = 0; i < document.Keys.Length; i++)
            {
                ref var term = ref CollectionsMarshal.GetValueRefOrAddDefault(terms, document.Keys[i], out _);
                term ??= new TermPostings(DocumentTerms.Text(document.Keys[i]));
                DocumentTerms.WriteVarint(term.Postings, id - term.LastDoc);
                term.Postings.Write(document.Bytes.AsSpan(document.Starts[i]..document.Starts[i + 1]));
                term.LastDoc = id;
                term.DocCount++;
            }
            id++;
        }
        return (terms, lengths);
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

    private static JsonObject Describe(SearchDocument doc, int[] lengths, string textFile)
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
            ["len"] = new JsonArray(lengths.Select(l => (JsonNode)l).ToArray()),
            ["text"] = textFile,
        };
    }

    private static double AverageLength(int[][] lengths, int field) =>
        lengths.Length == 0 ? 0 : Math.Round(lengths.Average(l => (double)l[field]), 2);
}
