using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

public class TokenizerTests
{
    [Fact]
    public void The_csharp_tokenizer_meets_every_shared_vector()
    {
        TokenizerVectors.All.Should().HaveCountGreaterThan(10);
        foreach (var vector in TokenizerVectors.All)
        {
            TextUnits.Normalize(vector.Input).Should().Be(vector.Normalized, vector.Input);
            TextUnits.Split(vector.Input).Select(u => (u.Text, u.Start, u.End, u.Break)).Should().Equal(vector.Units, vector.Input);
        }
    }

    [Fact]
    public void The_csharp_engine_matches_across_punctuation_only_where_the_query_has_some()
    {
        MatchingVectors.All.Should().HaveCountGreaterThan(20);
        MatchingVectors.All.Where(v => v.Ranges.Count == 0).Should().NotBeEmpty("some cases are punctuation a match must not cross");
        foreach (var vector in MatchingVectors.All)
            QueryEngine.Ranges(vector.Text, Query.Parse(vector.Query).Parts).Should().Equal(vector.Ranges, $"{vector.Query} in {vector.Text}");
    }

    [Fact]
    public void Icu_segments_chinese_into_words()
    {
        WordSegmenter.Engine.Should().StartWith("ICU");
        WordSegmenter.Words("中华人民共和国行政复议法").Count.Should().BeGreaterThan(2);
        WordSegmenter.Words("法治政府建设推进会").Should().Contain("法治").And.Contain("政府");
    }
}
