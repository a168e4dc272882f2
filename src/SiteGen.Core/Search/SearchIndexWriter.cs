using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteGen.Cache;
using SiteGen.Site;

namespace SiteGen.Search;

/// <summary>
/// Builds the search index the browser and <c>sitegen search</c> both read: postings of every
/// character and character pair per field, split into shards by term hash, a manifest of documents,
/// and each document's text for snippets. Every file is a classic script. Documents stream through:
/// a document's text is written when it is added, and only postings stay in memory.
/// </summary>
/// <param name="generation">Names this index's shards: it must change whenever any input of the index does.</param>
internal sealed class SearchIndexWriter(Action<string, string> write, string generation)
{
    private const int TargetShardBytes = 8 * 1024;
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ThreadLocal<DocumentTerms> Scratch = new(() => new DocumentTerms());

    private readonly Dictionary<long, TermPostings> _terms = new();
    private readonly List<int[]> _lengths = [];
    private readonly DocumentColumns _columns = new();
    private readonly List<string> _blockFiles = [];
    private JsonArray _block = [];

    /// <summary>A document taken apart for the index: its terms and its text file, ready to add.</summary>
    public sealed record Prepared(int Id, SearchDocument Document, DocumentTerms.Encoded Terms, string TextFile, string TextScript, string HeadFile, string HeadScript);

    /// <summary>The costly part of adding a document; safe on any thread and in any order.</summary>
    /// <param name="cache">Where documents taken apart by earlier builds are kept, if anywhere.</param>
    public static Prepared Prepare(SearchDocument doc, int id, TermsCache? cache)
    {
        var terms = Encode(doc, cache);
        var script = IndexFormat.Script("text", $"{id},{JsonSerializer.Serialize(doc.FieldTexts, Json)}");
        var head = IndexFormat.Script("head", $"{id},{Head(doc).ToJsonString(Json)}");
        return new Prepared(id, doc, terms, IndexFormat.HashedName($"t{id}", script), script, IndexFormat.HashedName($"h{id}", head), head);
    }

    private static DocumentTerms.Encoded Encode(SearchDocument doc, TermsCache? cache)
    {
        if (cache is null) return Scratch.Value!.Encode(doc.FieldTexts);
        var key = TermsCache.KeyOf(doc);
        if (cache.Get(key) is { } cached) return cached;
        var terms = Scratch.Value!.Encode(doc.FieldTexts);
        cache.Put(key, terms);
        return terms;
    }

    /// <summary>[meta, the body's first characters, whether the body goes on]: most snippets need no more.</summary>
    private static JsonArray Head(SearchDocument doc)
    {
        var length = Math.Min(doc.Body.Length, IndexFormat.HeadLength);
        if (length < doc.Body.Length && char.IsHighSurrogate(doc.Body[length - 1])) length--; // never half a character
        return [doc.Meta, doc.Body[..length], length < doc.Body.Length];
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
            term.Positions.Write(terms.Positions.AsSpan(terms.PositionStarts[i]..terms.PositionStarts[i + 1]));
            term.LastDoc = document.Id;
            term.DocCount++;
        }
        write($"{IndexFormat.Folder}/{document.TextFile}", document.TextScript);
        write($"{IndexFormat.Folder}/{document.HeadFile}", document.HeadScript);
        _columns.Add(document.Document.Report, terms.Lengths);
        _lengths.Add(terms.Lengths);
        _block.Add(Display(document.Document, document.TextFile, document.HeadFile));
        if (_block.Count == IndexFormat.BlockSize) WriteBlock();
    }

    /// <summary>What a result shows, kept out of the manifest: only the results shown load their block.</summary>
    private static JsonArray Display(SearchDocument doc, string textFile, string headFile) =>
    [
        doc.Report.Slug, doc.Url, doc.Report.Title, PagePlanner.IsoDate(doc.Report.Date), textFile,
        doc.Report.Region.IsKnown ? doc.Report.Region.Display : null, string.IsNullOrEmpty(doc.Report.Publisher) ? null : doc.Report.Publisher,
        headFile,
    ];

    private void WriteBlock()
    {
        var number = _blockFiles.Count;
        var script = IndexFormat.Script("docs", $"{number},{_block.ToJsonString(Json)}");
        _blockFiles.Add(IndexFormat.HashedName($"d{number}", script));
        write($"{IndexFormat.Folder}/{_blockFiles[^1]}", script);
        _block = [];
    }

    /// <summary>Writes the shards and the manifest; returns the manifest's path.</summary>
    public string Finish()
    {
        if (_block.Count > 0) WriteBlock();
        var filterColumns = new JsonObject { ["values"] = _columns.Values(filterOnly: true), ["columns"] = _columns.Columns(filterOnly: true) };
        var filterValues = IndexFormat.Script("values", filterColumns.ToJsonString(Json));
        var filterFile = IndexFormat.HashedName("v", filterValues);
        write($"{IndexFormat.Folder}/{filterFile}", filterValues);
        var shardCount = WriteShards(IndexFormat.Shard, _terms.Values, t => t.Postings);
        var positionShardCount = WriteShards(IndexFormat.PositionShard, _terms.Values.Where(t => t.Positions.WrittenCount > 0), t => t.Positions);

        var manifest = new JsonObject
        {
            ["version"] = IndexFormat.Version,
            ["tokenizer"] = TextUnits.Name,
            ["fields"] = new JsonArray(IndexFormat.Fields.Select(f => (JsonNode)f).ToArray()),
            ["weights"] = new JsonArray(IndexFormat.Weights.Select(w => (JsonNode)w).ToArray()),
            ["avgLength"] = new JsonArray(Enumerable.Range(0, 3).Select(f => (JsonNode)AverageLength(f)).ToArray()),
            ["shardCount"] = shardCount,
            ["positionShardCount"] = positionShardCount,
            ["generation"] = generation,
            ["count"] = _lengths.Count,
            ["blockSize"] = IndexFormat.BlockSize,
            ["blocks"] = new JsonArray(_blockFiles.Select(f => (JsonNode?)f).ToArray()),
            ["values"] = _columns.Values(filterOnly: false),
            ["filterValues"] = filterFile,
            ["columns"] = _columns.Columns(filterOnly: false),
        };
        write(IndexFormat.Manifest, IndexFormat.Script("manifest", manifest.ToJsonString(Json)));
        return IndexFormat.Manifest;
    }

    /// <summary>
    /// Writes terms' data in shards of about <see cref="TargetShardBytes"/>, by term hash; returns how many.
    /// Documents and counts go in one set, pairs' positions in another: only parts of three or more units
    /// read positions.
    /// </summary>
    private int WriteShards(string kind, IEnumerable<TermPostings> terms, Func<TermPostings, ArrayBufferWriter<byte>> data)
    {
        var list = terms.ToList();
        var count = Math.Clamp((int)Math.Ceiling(list.Sum(t => data(t).WrittenCount + 8) / (double)TargetShardBytes), 1, 1 << 20);
        var byShard = list.ToLookup(t => IndexFormat.ShardOf(t.Text, count));
        for (var k = 0; k < count; k++)
        {
            var bytes = EncodeShard(byShard[k].OrderBy(t => t.Text, StringComparer.Ordinal)
                .Select(t => (t.Text, t.DocCount, data(t).WrittenSpan.ToArray())));
            var script = IndexFormat.Script(kind, $"{k},\"{Convert.ToBase64String(bytes)}\"");
            write($"{IndexFormat.Folder}/{IndexFormat.ShardName(kind, k, generation)}", script);
        }
        return count;
    }

    /// <summary>A term's postings, encoded as documents arrive (they arrive in id order).</summary>
    private sealed class TermPostings(string text)
    {
        public string Text { get; } = text;
        public ArrayBufferWriter<byte> Postings { get; } = new(16);
        public ArrayBufferWriter<byte> Positions { get; } = new(16);
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

    private double AverageLength(int field) =>
        _lengths.Count == 0 ? 0 : Math.Round(_lengths.Average(l => (double)l[field]), 2);
}
