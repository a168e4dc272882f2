using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace SiteGen.Tests.Support;

/// <summary>
/// The shared vectors as search.js answers them: each script is a JavaScript function from the vectors (as JSON text) to
/// the runtime's answers (as JSON text), and each check holds those answers to the vectors. Chromium
/// (Browser/SearchBrowserTests) and Jint, in process (Search/RuntimeContractTests), run the same scripts.
/// </summary>
public static class ContractScripts
{
    public const string Tokenizer = """
        text => JSON.stringify(JSON.parse(text).map(t => ({ n: SiteGenSearch.normalize(t), u: SiteGenSearch.units(t).map(x => [x.t, x.s, x.e, x.b]) })))
        """;

    public const string Matching = """
        text => JSON.stringify(JSON.parse(text).map(c => SiteGenSearch.ranges(c[0], c[1])))
        """;

    public const string Format = """
        text => {
          const v = JSON.parse(text), c = SiteGenSearch.contract;
          const parts = list => list.map(p => ({ text: p.text, key: p.key, quoted: p.quoted }));
          return JSON.stringify({
            fnv: v.fnv.map(x => c.fnv(x.term)),
            varint: v.varint.map(x => c.varint(x.bytes)),
            binary: v.binary.map(x => c.bytesOf(Function('return "' + x.literal + '"')())),
            packed: v.packed.map(x => c.inflate(Function('return "' + x.literal + '"')())),
            text: v.text.map(x => { try { return c.text((x.hex.match(/../g) || []).map(h => parseInt(h, 16))); } catch (e) { return null; } }),
            columns: v.columns.map(x => c.columns(Function('return "' + x.literal + '"')(), x.scored)),
            terms: v.terms.map(x => c.terms(x.bytes, x.kind, x.lookups.map(l => l.term))),
            positions: v.positions.map(x => c.positions(x.bytes, x.docs)),
            lengths: v.lengths.map(x => c.length(x.code)),
            scores: v.scores.map(x => c.round4(c.bm25(x.weight, c.idf(x.documents, x.df), x.count, x.length, x.typical))),
            chunks: v.chunks.map(x => c.chunks(x.positions, x.scores, x.chunkPositions)),
            queries: v.queries.map(x => { const q = SiteGenSearch.parse(x.query); return { parts: parts(q.parts), excludes: parts(q.excludes), filters: q.filters }; })
          });
        }
        """;

    public static string TokenizerInput => JsonSerializer.Serialize(TokenizerVectors.All.Select(v => v.Input));

    public static string MatchingInput => JsonSerializer.Serialize(MatchingVectors.All.Select(v => new[] { v.Text, v.Query }));

    public static string FormatInput => FormatVectors.All.ToJsonString();

    public static void CheckTokenizer(string answers)
    {
        using var json = JsonDocument.Parse(answers);
        var actual = json.RootElement;
        var i = 0;
        foreach (var vector in TokenizerVectors.All)
        {
            var got = actual[i++];
            got.GetProperty("n").GetString().Should().Be(vector.Normalized, vector.Input);
            got.GetProperty("u").EnumerateArray().Select(u => (u[0].GetString()!, u[1].GetInt32(), u[2].GetInt32(), u[3].GetBoolean()))
                .Should().Equal(vector.Units, vector.Input);
        }
    }

    public static void CheckMatching(string answers)
    {
        using var json = JsonDocument.Parse(answers);
        var actual = json.RootElement;
        var i = 0;
        foreach (var vector in MatchingVectors.All)
            actual[i++].EnumerateArray().Select(r => (r[0].GetInt32(), r[1].GetInt32())).Should().Equal(vector.Ranges, $"{vector.Query} in {vector.Text}");
    }

    public static void CheckFormat(string answers)
    {
        var actual = JsonNode.Parse(answers)!.AsObject();
        foreach (var (name, expected) in FormatVectors.Expected())
            actual[name]!.ToJsonString().Should().Be(expected!.ToJsonString(), name);
    }
}
