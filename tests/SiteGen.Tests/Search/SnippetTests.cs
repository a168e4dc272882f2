using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// Snippets come from a document's head (its first 1,000 body characters) when the head is enough, and
/// from the whole text when it is not: either way the reader sees the same snippet.
/// </summary>
public sealed class SnippetTests(SnippetSite site) : IClassFixture<SnippetSite>
{
    [Fact]
    public void An_early_match_is_shown_from_the_head_without_reading_the_whole_text()
    {
        // A copy of the index without any document's text beyond its head: only the head can have made the snippet.
        var copy = Path.Combine(site.Site.Root, "without-text");
        foreach (var file in Directory.GetFiles(Path.Combine(site.Site.Output, "search")))
            if (!Path.GetFileName(file).StartsWith("t-", StringComparison.Ordinal))
                File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(copy, "search")).FullName, Path.GetFileName(file)), overwrite: true);
        var hit = new QueryEngine(SearchIndexReader.Open(copy)).Search(SnippetSite.Early.Query).Results.Single();

        var body = SnippetSite.Early.Body;
        hit.Snippet.Should().Be("…" + body[70..100] + "<mark>听证会议</mark>" + body[104..190] + "…");
    }

    [Theory]
    [InlineData(1, "the window runs past the head")]
    [InlineData(2, "the match itself is cut by the head's end")]
    [InlineData(3, "the first match is beyond the head")]
    public void A_match_the_head_cannot_show_is_shown_from_the_whole_text(int which, string why)
    {
        var (query, body, at) = SnippetSite.Cases[which];
        var hit = site.Engine.Search(query).Results.Single();
        hit.Snippet.Should().Be("…" + body[(at - 30)..at] + $"<mark>{query}</mark>" + body[(at + 4)..(at + 90)] + "…", why);
    }

    [Fact]
    public void A_long_match_running_past_the_head_is_highlighted_whole()
    {
        // Two long matches back to back: the second starts inside the window but ends past the head, and the
        // two merge into one highlight, which only the whole text shows.
        var (query, body, _) = SnippetSite.Long;
        site.Engine.Search(query).Results.Single().Snippet.Should().Be("…" + body[820..850] + "<mark>" + body[850..940] + "</mark>…");
    }

    [Fact]
    public void A_query_found_only_in_the_title_shows_the_meta_field()
    {
        site.Engine.Search("标题独有").Results.Single().Snippet.Should().Be("某县人民政府 广东省 肇庆市 某县 年度报告");
    }

    [Fact]
    public void A_document_number_query_shows_the_document_number_not_every_metadata_item()
    {
        site.Engine.Search("肇府办〔2022〕15号").Results.Single().Snippet.Should().Be("<mark>肇府办〔2022〕15号</mark>");
        site.Engine.Search("肇府办 某县人民政府").Results.Single().Snippet.Should().Be("<mark>某县人民政府</mark> · <mark>肇府办</mark>〔2022〕15号");
    }
}

/// <summary>A site whose reports put a match before, across and after the end of the head.</summary>
public sealed class SnippetSite : IDisposable
{
    private const string Filler = "各级行政机关认真贯彻落实上级部署稳步推进各项工作";

    public static readonly (string Query, string Body, int At) Early = Case("听证会议", 100);
    public static readonly (string Query, string Body, int At) Long = LongCase();
    public static readonly (string Query, string Body, int At)[] Cases = [Early, Case("复核程序", 990), Case("调解组织", 998), Case("备案审查", 3000), Long];

    public TestSite Site { get; } = TestSite.WithTemplates();
    public QueryEngine Engine { get; }

    public SnippetSite()
    {
        for (var i = 0; i < Cases.Length; i++)
            Site.AddReport($"case-{i}", Reports.FrontMatter(title: $"某县报告{i}", published: $"2022-03-{i + 1:D2}"), Cases[i].Body);
        Site.AddReport("title-only", Reports.FrontMatter(title: "标题独有的报告", published: "2022-04-01"), Text(3000));
        Site.AddReport("numbered", Reports.FrontMatter(title: "有文号的报告", published: "2022-04-02", extra: "doc_number: 肇府办〔2022〕15号"), Text(3000));
        Site.Build();
        Engine = new QueryEngine(SearchIndexReader.Open(Site.Output));
    }

    private static string Text(int length) => string.Concat(Enumerable.Repeat(Filler, length / Filler.Length + 1))[..length];

    private static (string, string, int) Case(string query, int at) => (query, Text(at) + query + Text(2000), at);

    private static (string, string, int) LongCase()
    {
        var sentence = new string(Enumerable.Range(0, 80).Select(i => (char)(0x5000 + 37 * i)).ToArray()); // 80 distinct Han characters
        return (sentence, Text(850) + sentence + sentence + Text(2000), 850);
    }

    public void Dispose() => Site.Dispose();
}
