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
/// character and character pair per field, split into shards by term hash, a manifest of documents,
/// and each document's text for snippets. Every file is a classic script. Documents stream through:
/// a document's text is written when it is added, and only postings stay in memory.
/// </summary>
internal sealed class SearchIndexWriter(Action<string, string> write)
{
    private const int TargetShardBytes = 16 * 1024;
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ThreadLocal<DocumentTerms> Scratch = new(() => new DocumentTerms());

    private readonly Dictionary<long, TermPostings> _terms = new();
    private readonly List<int[]> _lengths = [];
    private readonly JsonArray _docs = new();

    /// <summary>A document taken apart for the index: its terms and its text file, ready to add.</summary>
    public sealed record Prepared(int Id, DocumentTerms.Encoded Terms, string TextFile, string TextScript, JsonObject Description);

    /// <summary>The costly part of adding a document; safe on any thread and in any order.</summary>
    public static Prepared Prepare(SearchDocument doc, int id)
    {
        var terms = Scratch.Value!.Encode(doc.FieldTexts);
        var script = IndexFormat.Script("text", $"{id},{JsonSerializer.Serialize(doc.FieldTexts, Json)}");
        var textFile = IndexFormat.HashedName($"t{id}", script);
        return new Prepared(id, terms, textFile, script, Describe(doc, terms.Lengths, textFile));
    }

    /// <summary>
    /// Adds a prepared document; documents must come in id order, so the index does not depend on threads.
    /// Only its postings are kept: its text is written at once.
    /// </summary>
    public void Add(Prepared document)
    {
        if (document.Id != _lengths.Count) throw new InvalidOperationException($"document {document.Id} added out of order");
        var terms = document.Terms;
        for (var i = 0; i < terms.Keys.Length; i++)
        {
            ref var term = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, terms.Keys[i], out _);
            term ??= new TermPostings(DocumentTerms.Text(terms.Keys[i]));
            DocumentTerms.WriteVarint(term.Postings, document.Id - term.LastDoc);
            term.Postings.Write(terms.Bytes.AsSpan(terms.Starts[i]..terms.Starts[i + 1]));
            term.LastDoc = document.Id;
            term.DocCount++;
        }
        write($"{IndexFormat.Folder}/{document.TextFile}", document.TextScript);
        _docs.Add(document.Description);
        _lengths.Add(terms.Lengths);
    }

    /// <summary>Writes the shards and the manifest; returns the manifest's path.</summary>
    public string Finish()
    {
        var totalBytes = _terms.Values.Sum(t => t.Postings.WrittenCount + 8);
        var shardCount = Math.Clamp((int)Math.Ceiling(totalBytes / (double)TargetShardBytes), 1, 1 << 20);

        var shardFiles = new string[shardCount];
        var byShard = _terms.Values.Select(t => (Term: t.Text, Entry: t))
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

        var manifest = new JsonObject
        {
            ["version"] = IndexFormat.Version,
            ["tokenizer"] = TextUnits.Name,
            ["fields"] = new JsonArray(IndexFormat.Fields.Select(f => (JsonNode)f).ToArray()),
            ["weights"] = new JsonArray(IndexFormat.Weights.Select(w => (JsonNode)w).ToArray()),
            ["avgLength"] = new JsonArray(Enumerable.Range(0, 3).Select(f => (JsonNode)AverageLength(f)).ToArray()),
            ["shards"] = new JsonArray(shardFiles.Select(f => (JsonNode?)f).ToArray()),
            ["docs"] = _docs,
        };
        write(IndexFormat.Manifest, IndexFormat.Script("manifest", manifest.ToJsonString(Json)));
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

    private double AverageLength(int field) =>
        _lengths.Count == 0 ? 0 : Math.Round(_lengths.Average(l => (double)l[field]), 2);
}
