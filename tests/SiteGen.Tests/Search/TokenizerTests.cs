using FluentAssertions;
using SiteGen.Search;
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
            TextUnits.Split(vector.Input).Select(u => (u.Text, u.Start, u.End)).Should().Equal(vector.Units, vector.Input);
        }
    }

    [Fact]
    public void Icu_segments_chinese_into_words()
    {
        WordSegmenter.Engine.Should().StartWith("ICU");
        WordSegmenter.Words("中华人民共和国行政复议法").Count.Should().BeGreaterThan(2);
        WordSegmenter.Words("法治政府建设推进会").Should().Contain("法治").And.Contain("政府");
    }
}
