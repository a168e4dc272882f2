using System.Text.Json.Nodes;
using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>The C# side of tests/vectors/format.json; SearchBrowserTests holds search.js to the same file.</summary>
public class FormatContractTests
{
    [Fact]
    public void The_csharp_engine_meets_every_shared_format_vector()
    {
        var actual = Answers();
        var expected = FormatVectors.Expected();
        foreach (var (name, answers) in expected)
            actual[name]!.ToJsonString().Should().Be(answers!.ToJsonString(), name);
    }

    [Fact]
    public void Varints_are_written_as_the_vectors_spell_them()
    {
        foreach (var c in FormatVectors.Cases("varint"))
        {
            var bytes = new byte[5];
            var length = IndexFormat.WriteVarint(bytes, c!["value"]!.GetValue<int>());
            bytes[..length].Should().Equal(c["bytes"]!.AsArray().Select(b => (byte)b!.GetValue<int>()), c["value"]!.ToString());
        }
    }

    [Fact]
    public void Binary_data_is_written_as_the_vectors_spell_it()
    {
        foreach (var c in FormatVectors.Cases("binary"))
            IndexFormat.Literal(c!["bytes"]!.AsArray().Select(b => (byte)b!.GetValue<int>()).ToArray())
                .Should().Be($"\"{c["literal"]!.GetValue<string>()}\"", c["bytes"]!.ToJsonString());
    }

    [Fact]
    public void Text_is_coded_as_the_vectors_spell_it()
    {
        foreach (var c in FormatVectors.Cases("text").Where(c => c!["text"] is not null))
            Convert.ToHexStringLower(TextCode.Bytes(c!["text"]!.GetValue<string>())).Should().Be(c["hex"]!.GetValue<string>(), c["note"]!.GetValue<string>());
    }

    [Fact]
    public void Reports_text_packs_to_under_085_of_its_utf16_bytes()
    {
        // Real reports (the seed pages, which editors do not change): a head or text file of theirs downloads that much less.
        var reports = Directory.GetFiles(Path.Combine(TestSite.RepoRoot, "seeds"), "*.txt");
        reports.Should().NotBeEmpty();
        foreach (var report in reports)
        {
            var text = File.ReadAllText(report);
            var utf16 = IndexFormat.Packed(System.Text.Encoding.Unicode.GetBytes(text)).Length;
            (IndexFormat.Packed(text).Length / (double)utf16).Should().BeLessThan(0.85, Path.GetFileName(report));
        }
    }

    [Fact]
    public void A_file_with_data_is_written_in_utf16_and_reads_back_as_written()
    {
        var data = new byte[30000];
        new Random(1).NextBytes(data); // as incompressible as deflated data and Rice-coded positions
        var script = IndexFormat.NamedScript(IndexFormat.PositionShard, "p0-abc.js", IndexFormat.Literal(data));
        var bytes = IndexFormat.FileBytes(script);
        bytes[..2].Should().Equal([0xFF, 0xFE], "a byte order mark tells browsers the encoding whatever a host declares");
        bytes.Length.Should().Be(2 + 2 * script.Length).And.BeLessThan(System.Text.Encoding.UTF8.GetByteCount(script));
        (data.Length / (double)bytes.Length).Should().BeGreaterThan(0.93, "15 bits a character in two bytes");
        new StreamReader(new MemoryStream(bytes)).ReadToEnd().Should().Be(script, "the reader goes by the byte order mark, as File.ReadAllText does");
        using (var deflated = new MemoryStream())
        {
            using (var deflate = new System.IO.Compression.DeflateStream(deflated, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(bytes);
            (deflated.Length / (double)data.Length).Should().BeLessThan(1.02, "gzip and the offline zip take a literal back to about its data's size");
        }

        var manifest = IndexFormat.Script("manifest", "{\"version\":15,\"values\":{\"province\":[null,\"广东省\"]}}");
        IndexFormat.FileBytes(manifest).Should().Equal(System.Text.Encoding.UTF8.GetBytes(manifest), "mostly ASCII, smaller in UTF-8");
    }

    [Fact]
    public void Positions_are_written_as_the_vectors_spell_them()
    {
        foreach (var c in FormatVectors.Cases("positions"))
        {
            var bits = new PositionCode.Writer();
            foreach (var doc in c!["docs"]!.AsArray())
            {
                var lengths = Ints(doc!["lengths"]!);
                foreach (var (field, f) in doc["positions"]!.AsArray().Select((field, f) => (field, f)).Where(x => x.field is not null))
                {
                    var positions = Ints(field!);
                    var parameter = PositionCode.Parameter(positions.Length, lengths[f]);
                    for (var k = 0; k < positions.Length; k++) bits.Write(positions[k] - (k == 0 ? 0 : positions[k - 1]), parameter);
                }
            }
            bits.Finish().Should().Equal(Ints(c["bytes"]!).Select(b => (byte)b), c["docs"]!.ToJsonString());
        }
    }

    private static int[] Ints(JsonNode array) => array.AsArray().Select(n => n!.GetValue<int>()).ToArray();

    private static JsonObject Answers() => new()
    {
        ["fnv"] = Map("fnv", c => JsonValue.Create(IndexFormat.Hash(c["term"]!.GetValue<string>()))),
        ["varint"] = Map("varint", c =>
        {
            var at = 0;
            return JsonValue.Create(IndexFormat.ReadVarint(c["bytes"]!.AsArray().Select(b => (byte)b!.GetValue<int>()).ToArray(), ref at));
        }),
        ["binary"] = Map("binary", c => new JsonArray(IndexFormat.BytesOf(c["literal"]!.GetValue<string>()).Select(b => (JsonNode?)JsonValue.Create((int)b)).ToArray())),
        ["packed"] = Map("packed", c => JsonValue.Create(Convert.ToHexStringLower(IndexFormat.Unpacked(c["literal"]!.GetValue<string>())))),
        ["text"] = Map("text", c =>
        {
            try { return JsonValue.Create(TextCode.Text(Convert.FromHexString(c["hex"]!.GetValue<string>()))); }
            catch (InvalidDataException) { return null; }
        }),
        ["columns"] = Map("columns", c =>
        {
            var scored = c["scored"]!.GetValue<bool>();
            var read = ColumnsCode.Read(c["literal"]!.GetValue<string>(), scored);
            return new JsonObject
            {
                ["values"] = read.Values.DeepClone(),
                ["columns"] = new JsonObject(read.Columns.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray(p.Value.Select(n => (JsonNode?)n).ToArray())))),
                ["len"] = scored ? new JsonArray(read.LengthCodes.Select(b => (JsonNode?)(int)b).ToArray()) : null,
            };
        }),
        ["terms"] = Map("terms", c =>
        {
            var bytes = Ints(c["bytes"]!).Select(b => (byte)b).ToArray();
            var dictionary = c["kind"]!.GetValue<string>() == "dictionary";
            var found = IndexFormat.Terms(bytes, dictionary).ToDictionary(t => t.Term, StringComparer.Ordinal);
            return new JsonArray(c["lookups"]!.AsArray().Select(l => !found.TryGetValue(l!["term"]!.GetValue<string>(), out var t) ? null
                : dictionary ? new JsonArray(IndexFormat.DictionaryEntry(bytes, t.Start).Select(e => (JsonNode?)new JsonArray(e.Segment, e.Documents, e.Bound)).ToArray())
                : (JsonNode)new JsonArray(t.Start, t.End)).ToArray());
        }),
        ["positions"] = Map("positions", c =>
        {
            var bits = new PositionCode.Reader(Ints(c["bytes"]!).Select(b => (byte)b).ToArray(), 0);
            return new JsonArray(c["docs"]!.AsArray().Select(d => (JsonNode?)new JsonArray(bits.Document(Ints(d!["counts"]!), Ints(d["lengths"]!))
                .Select(f => f is null ? null : (JsonNode)new JsonArray(f.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray())).ToArray())).ToArray());
        }),
        ["lengths"] = Map("lengths", c => JsonValue.Create(Bm25.CodedLength(c["code"]!.GetValue<int>()))),
        ["scores"] = Map("scores", c => JsonValue.Create(Bm25.Round(Bm25.Field(c["weight"]!.GetValue<double>(),
            Bm25.Idf(c["documents"]!.GetValue<int>(), c["df"]!.GetValue<int>()), c["count"]!.GetValue<int>(), c["length"]!.GetValue<int>(), c["typical"]!.GetValue<double>())))),
        ["chunks"] = Map("chunks", c =>
        {
            var scores = c["scores"]!.AsArray().Select(s => s!.GetValue<double>()).ToArray();
            var layout = IndexFormat.Chunks(c["positions"]!.AsArray().Select(p => p!.GetValue<int>()).ToList(), i => scores[i], c["chunkPositions"]!.GetValue<int>());
            return layout is null ? null : new JsonObject
            {
                ["order"] = new JsonArray(layout.Order.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                ["chunkOf"] = new JsonArray(layout.ChunkOf.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            };
        }),
        ["queries"] = Map("queries", c =>
        {
            var query = Query.Parse(c["query"]!.GetValue<string>());
            JsonArray Parts(IEnumerable<QueryPart> parts) => new(parts.Select(p => (JsonNode?)new JsonObject
            {
                ["text"] = p.Text, ["key"] = p.Key, ["quoted"] = p.Quoted,
            }).ToArray());
            var filters = new JsonObject();
            foreach (var (key, value) in query.Filters.OrderBy(f => FilterOrder(c, f.Key))) filters[key] = value;
            return new JsonObject { ["parts"] = Parts(query.Parts), ["excludes"] = Parts(query.Excludes), ["filters"] = filters };
        }),
    };

    /// <summary>Filters in the vector's own order: the comparison is of JSON text.</summary>
    private static int FilterOrder(JsonNode vector, string key) =>
        vector["filters"]!.AsObject().Select(f => f.Key).ToList().IndexOf(key);

    private static JsonArray Map(string name, Func<JsonNode, JsonNode?> answer) =>
        new(FormatVectors.Cases(name).Select(c => answer(c!)).ToArray());
}
