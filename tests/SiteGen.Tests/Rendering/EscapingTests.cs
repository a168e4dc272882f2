using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;
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
            doc_type: 年度报告
            year: 2021
            """);
        site.Build();

        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            // Only the site's own script files (the search page also loads the index's manifest), never inline script.
            var depth = string.Concat(Enumerable.Repeat("../", Path.GetRelativePath(site.Output, file).Count(c => c is '/' or '\\')));
            document.QuerySelectorAll("script")
                .Where(e => e.TextContent.Length > 0 || e.GetAttribute("src") is not { } src || !src.StartsWith(depth, StringComparison.Ordinal)
                            || src[depth.Length..] is not ("assets/search.js" or "assets/search-page.js" or "assets/report-find.js" or "assets/group-filter.js" or "assets/compliance.js"
                                or "compliance/data.js" or IndexFormat.Manifest))
                .Should().BeEmpty(file);
            document.QuerySelectorAll("img").Should().BeEmpty(file);
            document.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name)
                .Should().NotContain(n => n.StartsWith("on"), file);
        }
        site.ReadOutput("reports/x.html").Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        // The one script made from front matter holds it as JSON strings, with <, > and quotes escaped.
        site.ReadOutput("compliance/data.js").Should().NotContain("<").And.Contain("\\u003Cscript\\u003Ealert(1)");
    }

    [Theory]
    [InlineData("  ")]
    [InlineData("\t")]
    [InlineData("")]
    public void Partials_escape_their_output_however_they_are_indented(string indent)
    {
        // Handlebars.Net 2.4 skipped escaping inside a partial called on an indented line of its own.
        using var site = TestSite.WithTemplates();
        site.Write("templates/partials/title.sbn-html", "<b>{{ heading }}</b>");
        site.Write("templates/report.sbn-html", $"<div>\n{indent}{{{{ include \"title\" }}}}\n</div>\n");
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

/// <summary>Scriban escapes nothing by itself: SiteGen's context must, in every template and every way a value can be written.</summary>
public class TemplateEscapingTests
{
    private const string Payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    private static string Yaml(string text) => "'" + text.Replace("'", "''") + "'";

    [Fact]
    public void A_payload_in_every_field_stays_text_on_every_kind_of_page_and_in_the_offline_copy()
    {
        using var site = TestSite.WithTemplates();
        var p = Yaml(Payload);
        site.Write("site.yml", $"title: {p}\ndescription: {p}\nbase_url: https://example.org/archive/\n");
        foreach (var slug in new[] { "x", "y" })
            site.AddReport(slug, $"""
                title: {p}
                doc_type: 年度报告
                year: 2021
                publisher: {p}
                region:
                  province: {p}
                  city: {p}
                  county: {p}
                level: 县级
                date_written: 2022-03-01
                date_published: 2022-03-02
                doc_number: {p}
                index_number: {p}
                keywords: [{p}, {p}]
                abstract: {p}
                source:
                  site: {p}
                  url: https://example.org/a?b=<c>&d="e"
                warnings: [{p}]
                """, $"## {Payload}\n\n{Payload}\n");
        site.Build();

        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'), File.ReadAllText);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(site.Output, "download/site.zip")))
            foreach (var entry in zip.Entries.Where(e => e.Name is "index.html" or "download.html"))
                using (var reader = new StreamReader(entry.Open())) pages["zip:" + entry.FullName] = reader.ReadToEnd();
        // One page of each kind the templates make, plus the copies only the zip holds.
        pages.Keys.Should().Contain(["index.html", "reports/x.html", "all/index.html", "years/index.html", "regions/index.html",
            "publishers/index.html", "types/index.html", "404.html", "search.html", "download.html", "zip:site/index.html", "zip:site/download.html"]);

        var parser = new HtmlParser();
        foreach (var (name, html) in pages)
        {
            var document = parser.ParseDocument(html);
            document.QuerySelectorAll("script").Where(e => e.TextContent.Length > 0 || !(e.GetAttribute("src") ?? "").EndsWith(".js"))
                .Should().BeEmpty(name);
            document.QuerySelectorAll("img").Should().BeEmpty(name);
            document.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).Should().NotContain(n => n.StartsWith("on"), name);
            html.Should().NotContain("&amp;lt;", name + " escapes once, never twice");
        }
        var report = parser.ParseDocument(pages["reports/x.html"]);
        report.QuerySelector("h1")!.TextContent.Should().Be(Payload);
        report.QuerySelectorAll("table.meta td").Select(td => td.TextContent).Should().Contain(Payload);
        report.QuerySelector("table.meta a[href^='https:']")!.GetAttribute("href").Should().Be("https://example.org/a?b=<c>&d=\"e\"");
        parser.ParseDocument(pages["index.html"]).QuerySelector("title")!.TextContent.Should().Be(Payload);
    }

    [Fact]
    public void Html_escape_in_a_template_does_not_escape_twice()
    {
        using var site = TestSite.WithTemplates();
        site.Write("templates/report.sbn-html", "<h1>{{ heading | html.escape }}</h1>\n<p>{{ html.escape heading }}</p>\n");
        site.AddReport("x", "title: a<b>&c");
        site.Build();
        var page = site.ReadOutput("reports/x.html");
        page.Should().Contain("<h1>a&lt;b&gt;&amp;c</h1>").And.Contain("<p>a&lt;b&gt;&amp;c</p>");
    }

    [Fact]
    public void Text_joined_or_changed_in_a_template_is_still_escaped()
    {
        using var site = TestSite.WithTemplates();
        site.Write("templates/report.sbn-html", "<h1>{{ \"<i>\" + heading | string.upcase }}</h1>{{ x = heading }}<p>{{ x }}</p>{{ for w in warnings }}<b>{{ w }}</b>{{ end }}\n");
        site.AddReport("x", "title: <script>\nwarnings: ['<u>']");
        site.Build();
        site.ReadOutput("reports/x.html").Should().Contain("<h1>&lt;I&gt;&lt;SCRIPT&gt;</h1><p>&lt;script&gt;</p><b>&lt;u&gt;</b>");
    }

    [Fact]
    public void Capture_is_refused_with_its_place_because_it_would_escape_twice()
    {
        using var site = TestSite.WithTemplates();
        site.Write("templates/404.sbn-html", "<h1>无</h1>\n  {{ capture x }}<b>{{ title }}</b>{{ end }}{{ x }}\n");
        var problem = TemplateTests.BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line, problem.Column).Should().Be(("templates/404.sbn-html", 2, 6));
        problem.Message.Should().Contain("capture");
    }
}
