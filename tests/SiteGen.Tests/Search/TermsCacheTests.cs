using FluentAssertions;
using SiteGen.Cache;
using SiteGen.Search.Format;
using SiteGen.Search.Writer;

namespace SiteGen.Tests.Search;

/// <summary>A document's terms read back from the cache are the terms it was taken apart into: what a rebuild indexes from.</summary>
public class TermsCacheTests
{
    [Fact]
    public void A_document_read_back_has_every_term_count_and_position_it_was_written_with()
    {
        var folder = Directory.CreateTempSubdirectory("sitegen-terms-").FullName;
        try
        {
            // Units of one, two and three UTF-8 bytes, one beyond the BMP, and punctuation between pairs (a broken pair).
            string[] fields = ["高要区2021年法治政府建设年度报告", "安经开〔2018〕7号 𠀀𠀁", "一、主要举措和成效。依法行政，Law 2021；𠀀法治〈政府〉建设。"];
            var terms = new DocumentTerms().Encode(fields);
            terms.Keys.Should().Contain(k => DocumentTerms.IsPair(k) && (k & 1L << 61) != 0, "the document has a pair with punctuation between");
            var cache = new TermsCache(folder, new CacheDamage());

            cache.Put("ab12", new InvertedDocument(terms, new TextHead("meta", "body", true)));
            var back = cache.Get("ab12")!;

            back.Terms.Keys.Should().Equal(terms.Keys);
            back.Terms.Bytes.Should().Equal(terms.Bytes);
            back.Terms.Positions.Should().Equal(terms.Positions);
            back.Terms.Lengths.Should().Equal(terms.Lengths);
            back.Head.Should().Be(new TextHead("meta", "body", true));
        }
        finally { Directory.Delete(folder, true); }
    }
}
