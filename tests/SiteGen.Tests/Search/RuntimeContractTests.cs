using FluentAssertions;
using Jint;
using SiteGen.Search.Format;
using SiteGen.Search.Writer;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// The search runtime as a site ships it (assets/search.js, minified), run in process by Jint against the shared vectors:
/// the same scripts and checks as the Chromium tests, with no browser. Jint has no Intl.Segmenter, so whole searches stay
/// with Chromium; the algorithms the two engines share need none.
/// </summary>
public class RuntimeContractTests
{
    private static string Answer(string script, string input)
    {
        var engine = new Engine(options => options.TimeoutInterval(TimeSpan.FromSeconds(30)));
        engine.Execute("var window = this;");
        engine.Execute(System.Text.Encoding.UTF8.GetString(SearchRuntime.Bytes));
        return engine.Evaluate($"({script})").Call(input).AsString();
    }

    [Fact]
    public void The_shipped_runtime_tokenizes_as_the_vectors_say() =>
        ContractScripts.CheckTokenizer(Answer(ContractScripts.Tokenizer, ContractScripts.TokenizerInput));

    [Fact]
    public void The_shipped_runtime_matches_across_punctuation_only_where_the_query_has_some() =>
        ContractScripts.CheckMatching(Answer(ContractScripts.Matching, ContractScripts.MatchingInput));

    [Fact]
    public void The_shipped_runtime_meets_every_shared_format_vector() =>
        ContractScripts.CheckFormat(Answer(ContractScripts.Format, ContractScripts.FormatInput));

    [Fact]
    public void The_shipped_runtime_inflates_what_the_writer_packs()
    {
        // The writer's own DEFLATE (zlib at its default level), not the vectors' hand-picked blocks: long texts come out
        // as several dynamic blocks with far matches, random bytes as stored blocks.
        var paragraphs = string.Concat(Enumerable.Range(0, 1500).Select(i => $"第{i}条 坚持依法行政，推进{(i % 7 == 0 ? "行政复议" : "法治政府")}建设，{i * 37 % 1000}项。\n"));
        var random = new byte[40_000];
        new Random(5).NextBytes(random);
        foreach (var data in new[] { System.Text.Encoding.Unicode.GetBytes(paragraphs), random, [], [7] })
        {
            var literal = IndexFormat.Packed(data);
            Answer("literal => SiteGenSearch.contract.inflate(Function('return ' + literal)())", literal)
                .Should().Be(Convert.ToHexStringLower(data), $"{data.Length} bytes");
        }
    }

    [Fact]
    public void The_shipped_runtime_reads_back_every_text_the_writer_codes()
    {
        // Every kind of code: the alphabet, the ranges after it, escapes of other characters, pairs of surrogates and lone
        // ones, so that a title or snippet shows what the report says whatever it holds.
        var random = new Random(3);
        var texts = new List<string> { "", TextCode.Alphabet, "𠀀字😀\ud800a\udc00", "\uffff\u0000\u007f" };
        for (var n = 0; n < 20; n++)
            texts.Add(new string(Enumerable.Range(0, 300).Select(_ => random.Next(4) switch
            {
                0 => TextCode.Alphabet[random.Next(TextCode.Alphabet.Length)],
                1 => (char)random.Next(0x4E00, 0xA000),
                2 => (char)random.Next(0x2000, 0x2600),
                _ => (char)random.Next(0, 0x10000),
            }).ToArray()));
        foreach (var text in texts)
        {
            var bytes = TextCode.Bytes(text);
            TextCode.Text(bytes).Should().Be(text);
            Answer("hex => SiteGenSearch.contract.text((hex.match(/../g) || []).map(h => parseInt(h, 16))).split('').map(c => c.charCodeAt(0)).join(',')",
                Convert.ToHexStringLower(bytes)).Should().Be(string.Join(',', text.Select(c => (int)c)));
        }
    }

    [Fact]
    public void Damaged_packed_data_is_an_error_not_a_hang()
    {
        var text = System.Text.Encoding.Unicode.GetBytes(string.Concat(Enumerable.Repeat("法治政府建设年度报告，", 400)));
        var literal = IndexFormat.Packed(text);
        var cut = literal[..(literal.Length / 2)].TrimEnd('\\') + "\"";
        // Flushed but never finished: past its end every bit is zero, which reads as empty stored blocks without end.
        using var flushed = new MemoryStream();
        var deflate = new System.IO.Compression.DeflateStream(flushed, System.IO.Compression.CompressionLevel.Optimal);
        deflate.Write(text);
        deflate.Flush();
        var unfinished = IndexFormat.Literal(flushed.ToArray());
        foreach (var damaged in new[] { cut, unfinished })
        {
            var inflate = () => Answer("literal => SiteGenSearch.contract.inflate(Function('return ' + literal)())", damaged);
            inflate.Should().Throw<Jint.Runtime.JavaScriptException>().WithMessage("*damaged*");
        }
    }

    [Fact]
    public void A_wrong_answer_fails_the_check()
    {
        // The checks compare every answer: a runtime whose hash is off by one is caught.
        var answers = Answer(ContractScripts.Format.Replace("c.fnv(x.term)", "c.fnv(x.term) + 1"), ContractScripts.FormatInput);
        var check = () => ContractScripts.CheckFormat(answers);
        check.Should().Throw<Exception>();
    }
}
