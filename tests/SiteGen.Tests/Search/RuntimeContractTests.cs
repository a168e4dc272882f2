using FluentAssertions;
using Jint;
using SiteGen.Search.Writer;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// The search runtime as a site ships it (assets/search.js, minified), run in process by Jint against the shared vectors:
/// the same scripts and checks as the Chromium tests, with no browser. Jint has no DecompressionStream or Intl.Segmenter,
/// so whole searches stay with Chromium; the algorithms the two engines share need neither.
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
    public void A_wrong_answer_fails_the_check()
    {
        // The checks compare every answer: a runtime whose hash is off by one is caught.
        var answers = Answer(ContractScripts.Format.Replace("c.fnv(x.term)", "c.fnv(x.term) + 1"), ContractScripts.FormatInput);
        var check = () => ContractScripts.CheckFormat(answers);
        check.Should().Throw<Exception>();
    }
}
