using System.Buffers;
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
    /// Every unit and every pair of neighbouring units, with their positions in each field. Terms are keyed
    /// by code points (a pair packs two into one long), so no string is made per occurrence; each document's
    /// positions are gathered, then appended to its terms' encoded postings.
    /// </summary>
    private static (Dictionary<long, TermPostings> Terms, int[][] Lengths) Collect(IReadOnlyList<SearchDocument> documents)
    {
        var terms = new Dictionary<long, TermPostings>();
        var lengths = new int[documents.Count][];
        var inDoc = new Dictionary<long, List<int>[]>();
        var order = new List<long>();
        var spare = new Stack<List<int>[]>(); // position lists are reused from document to document
        for (var id = 0; id < documents.Count; id++)
        {
            foreach (var lists in inDoc.Values)
            {
                foreach (var list in lists) list.Clear();
                spare.Push(lists);
            }
            inDoc.Clear();
            order.Clear();
            var fields = documents[id].FieldTexts;
            lengths[id] = new int[fields.Length];
            for (var field = 0; field < fields.Length; field++)
            {
                var codes = TextUnits.CodePoints(fields[field]);
                lengths[id][field] = codes.Count;
                for (var p = 0; p < codes.Count; p++)
                {
                    Note(codes[p], field, p);
                    if (p + 1 < codes.Count) Note(Pair(codes[p], codes[p + 1]), field, p);
                }
            }
            foreach (var key in order) Append(terms, key, id, inDoc[key]);
        }
        return (terms, lengths);

        void Note(long key, int field, int position)
        {
            if (!inDoc.TryGetValue(key, out var positions))
            {
                inDoc[key] = positions = spare.Count > 0 ? spare.Pop() : [[], [], []];
                order.Add(key);
            }
            positions[field].Add(position);
        }
    }

    // A unit is its code point; a pair sets bit 62 and packs both (code points fit in 21 bits).
    private static long Pair(int first, int second) => (1L << 62) | ((long)first << 21) | (uint)second;

    private static string TermText(long key) => (key & (1L << 62)) == 0
        ? char.ConvertFromUtf32((int)key)
        : char.ConvertFromUtf32((int)((key >> 21) & 0x1FFFFF)) + char.ConvertFromUtf32((int)(key & 0x1FFFFF));

    private static void Append(Dictionary<long, TermPostings> terms, long key, int doc, List<int>[] positions)
    {
        if (!terms.TryGetValue(key, out var term)) terms[key] = term = new TermPostings(TermText(key));
        var output = term.Postings;
        WriteVarint(output, doc - term.LastDoc);
        term.LastDoc = doc;
        term.DocCount++;
        var mask = 0;
        for (var f = 0; f < 3; f++) if (positions[f].Count > 0) mask |= 1 << f;
        WriteVarint(output, mask);
        var single = (key & (1L << 62)) == 0;
        foreach (var list in positions.Where(p => p.Count > 0))
        {
            WriteVarint(output, list.Count);
            if (single) continue; // a single unit's positions are never needed: pairs locate every run of two or more
            var previous = 0;
            foreach (var position in list)
            {
                WriteVarint(output, position - previous);
                previous = position;
            }
        }
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(5);
        var v = (uint)value;
        var i = 0;
        while (v >= 0x80)
        {
            span[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[i++] = (byte)v;
        output.Advance(i);
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
