using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

/// <summary>Nothing an editor writes may become markup or script on the public site.</summary>
public class EscapingTests
{
    private const string Payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

    [Fact]
    public void Front_matter_text_is_escaped_on_every_page()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("x", $"""
            title: '{Payload.Replace("'", "''")}'
            publisher: '{Payload.Replace("'", "''")}'
            doc_number: '{Payload.Replace("'", "''")}'
            region:
              province: '{Payload.Replace("'", "''")}'
            abstract: '{Payload.Replace("'", "''")}'
            warnings: ['{Payload.Replace("'", "''")}']
            """);
        site.Build();

        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            // Only the site's own script files (the search page also loads the index's manifest), never inline script.
            document.QuerySelectorAll("script")
                .Where(e => e.TextContent.Length > 0 || e.GetAttribute("src") is not ("assets/search.js" or "assets/search-page.js" or IndexFormat.Manifest))
                .Should().BeEmpty(file);
            document.QuerySelectorAll("img").Should().BeEmpty(file);
            document.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name)
                .Should().NotContain(n => n.StartsWith("on"), file);
        }
        site.ReadOutput("reports/x.html").Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Theory]
    [InlineData("  ")]
    [InlineData("\t")]
    [InlineData("")]
    public void Partials_escape_their_output_however_they_are_indented(string indent)
    {
        // Handlebars.Net 2.4 skips escaping inside a partial called on an indented line of its own.
        using var site = TestSite.WithTemplates();
        site.Write("templates/partials/title.hbs", "<b>{{Heading}}</b>");
        site.Write("templates/report.hbs", $"<div>\n{indent}{{{{> title}}}}\n</div>\n");
        site.AddReport("x", "title: <script>alert(1)</script>");
        site.Build();
        site.ReadOutput("reports/x.html").Should().Contain("<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>");
    }

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text_and_script_links_are_neutralised()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("x", Reports.FrontMatter(), """
            <script>alert(1)</script>

            <iframe src="https://evil.example/"></iframe>

            [点我](javascript:alert(3)) [数据](data:text/html;base64,PHNjcmlwdD4=) [正常](https://www.gov.cn/) [本站](../all/index.html)
            """);
        site.Build();

        var document = new HtmlParser().ParseDocument(site.ReadOutput("reports/x.html"));
        var body = document.QuerySelector(".body")!;
        body.QuerySelectorAll("script, iframe").Should().BeEmpty();
        body.TextContent.Should().Contain("<script>alert(1)</script>");
        body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Equal("#", "#", "https://www.gov.cn/", "../all/index.html");
    }

    [Fact]
    public void Pages_forbid_inline_script_through_their_content_security_policy()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("x", Reports.FrontMatter());
        site.Build();
        var csp = new HtmlParser().ParseDocument(site.ReadOutput("reports/x.html"))
            .QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content");
        csp.Should().Contain("script-src 'self'").And.NotContain("unsafe-inline");
    }
}
