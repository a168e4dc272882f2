using FluentAssertions;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

public class TemplateTests
{
    private static IReadOnlyList<Diagnostic> BuildErrors(TestSite site)
    {
        var act = () => site.Build();
        return act.Should().Throw<SiteGenException>().Which.Diagnostics;
    }

    [Fact]
    public void A_template_syntax_error_names_the_template_file_and_line()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/listing.hbs", "<h1>{{Heading}}</h1>\n<p>\n{{#each Reports}}\n{{Title}}\n{{/if}}\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        problem.File.Should().Be("templates/listing.hbs");
        problem.Line.Should().Be(5);
        problem.Message.Should().StartWith("template error:");
    }

    [Fact]
    public void An_unclosed_expression_names_the_line_it_starts_on()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/partials/breadcrumbs.hbs", "<nav>\n{{Root\n</nav>\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line).Should().Be(("templates/partials/breadcrumbs.hbs", 2));
    }

    [Fact]
    public void A_misspelt_field_is_an_error_naming_template_and_line_not_a_silent_blank()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/report.hbs", "<h1>{{Heading}}</h1>\n<p>{{Publishr}}</p>\n{{{Body}}}\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line).Should().Be(("templates/report.hbs", 2));
        problem.Message.Should().Contain("Publishr");
    }

    [Fact]
    public void A_missing_template_is_named()
    {
        using var site = TestSite.WithTemplates();
        File.Delete(Path.Combine(site.Root, "templates/groups.hbs"));
        BuildErrors(site).Select(d => d.ToString()).Should().Contain("templates/groups.hbs:1:1: template missing: every site needs templates/groups.hbs");
    }

    [Fact]
    public void A_changed_template_changes_the_site_without_recompiling()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/404.hbs", "<h1>这里什么也没有</h1>\n");
        site.Build();
        site.ReadOutput("404.html").Should().Contain("<h1>这里什么也没有</h1>");
    }

    [Fact]
    public void Problems_in_templates_site_yml_and_reports_are_reported_together()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", "title: 甲\nyear: 19");
        site.Write("templates/home.hbs", "<p>\n{{#each Recent}}\n");
        site.Write("site.yml", "title: 测试\nbase_url: https://example.org/\npage_size: 0\n");

        BuildErrors(site).Select(d => d.File).Should().Equal("content/reports/a.md", "site.yml", "templates/home.hbs");
    }
}

public class RunawayTemplateTests
{
    [Fact]
    public void A_partial_that_includes_itself_without_end_is_an_error_not_a_crash()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/partials/loop.hbs", "<div>\n{{> loop}}\n</div>\n");
        site.Write("templates/404.hbs", "<h1>无</h1>\n{{> loop}}\n");

        var act = () => site.Build();

        var problem = act.Should().Throw<SiteGenException>().Which.Diagnostics.Should().ContainSingle().Subject;
        problem.File.Should().Be("templates/404.hbs");
        problem.Line.Should().Be(2);
        problem.Message.Should().Contain("nested more than 64 deep");
    }
}
