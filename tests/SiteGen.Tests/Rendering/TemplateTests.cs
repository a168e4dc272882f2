using FluentAssertions;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

public class TemplateTests
{
    internal static IReadOnlyList<Diagnostic> BuildErrors(TestSite site)
    {
        var act = () => site.Build();
        return act.Should().Throw<SiteGenException>().Which.Diagnostics;
    }

    [Fact]
    public void A_template_syntax_error_names_the_template_file_line_and_column()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/listing.sbn-html", "<h1>{{ heading }}</h1>\n<p>\n{{ for r in reports }}\n{{ r.title }}\n{{ end }} {{ end }}\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line, problem.Column).Should().Be(("templates/listing.sbn-html", 5, 16));
        problem.Message.Should().StartWith("template error:");
    }

    [Fact]
    public void An_unclosed_expression_names_the_line_it_starts_on()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/partials/breadcrumbs.sbn-html", "<nav>\n{{ root\n</nav>\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line).Should().Be(("templates/partials/breadcrumbs.sbn-html", 2));
    }

    [Fact]
    public void A_misspelt_variable_is_an_error_naming_template_line_and_column_not_a_silent_blank()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/report.sbn-html", "<h1>{{ heading }}</h1>\n<p>{{ publishr }}</p>\n{{ body }}\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line, problem.Column).Should().Be(("templates/report.sbn-html", 2, 7));
        problem.Message.Should().Contain("publishr");
    }

    [Fact]
    public void A_misspelt_field_of_an_object_is_an_error_too()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/partials/breadcrumbs.sbn-html", "<nav>{{ for c in breadcrumbs }}\n<a>{{ c.nmae }}</a>{{ end }}</nav>\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line).Should().Be(("templates/partials/breadcrumbs.sbn-html", 2));
        problem.Message.Should().Contain("nmae");
    }

    [Fact]
    public void A_missing_template_is_named()
    {
        using var site = TestSite.WithTemplates();
        File.Delete(Path.Combine(site.Root, "templates/groups.sbn-html"));
        BuildErrors(site).Select(d => d.ToString()).Should().Contain("templates/groups.sbn-html:1:1: template missing: every site needs templates/groups.sbn-html");
    }

    [Fact]
    public void A_site_still_on_handlebars_is_told_what_changed()
    {
        using var site = TestSite.WithTemplates();
        File.Move(Path.Combine(site.Root, "templates/groups.sbn-html"), Path.Combine(site.Root, "templates/groups.hbs"));
        BuildErrors(site).Single().Message.Should().Contain("groups.hbs is a Handlebars template").And.Contain("Scriban");
    }

    [Fact]
    public void A_missing_partial_names_the_include_that_asks_for_it()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/404.sbn-html", "<h1>无</h1>\n  {{ include \"nothing-here\" }}\n");

        var problem = BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line, problem.Column).Should().Be(("templates/404.sbn-html", 2, 6));
        problem.Message.Should().Contain("templates/partials/nothing-here.sbn-html");
    }

    [Fact]
    public void A_changed_template_changes_the_site_without_recompiling()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/404.sbn-html", "<h1>这里什么也没有</h1>\n");
        site.Build();
        site.ReadOutput("404.html").Should().Contain("<h1>这里什么也没有</h1>");
    }

    [Fact]
    public void Problems_in_templates_site_yml_and_reports_are_reported_together()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", "title: 甲\nyear: 19");
        site.Write("templates/home.sbn-html", "<p>\n{{ for r in recent }}\n");
        site.Write("site.yml", "title: 测试\nbase_url: https://example.org/\npage_size: 0\n");

        BuildErrors(site).Select(d => d.File).Should().Equal("content/reports/a.md", "site.yml", "templates/home.sbn-html");
    }

    [Fact]
    public void Check_reports_a_runtime_template_error_with_its_place()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/partials/pagination.sbn-html", "{{ pagination.nmber }}\n");

        var act = () => SiteGen.Build.SiteBuilder.Check(site.Root);

        act.Should().Throw<SiteGenException>().Which.Diagnostics.Single().ToString()
            .Should().StartWith("templates/partials/pagination.sbn-html:1:15: template error:");
    }
}

public class RunawayTemplateTests
{
    [Fact]
    public void A_partial_that_includes_itself_without_end_is_an_error_not_a_crash()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/partials/loop.sbn-html", "<div>\n{{ include \"loop\" }}\n</div>\n");
        site.Write("templates/404.sbn-html", "<h1>无</h1>\n{{ include \"loop\" }}\n");

        var problem = TemplateTests.BuildErrors(site).Should().ContainSingle().Subject;
        problem.File.Should().Be("templates/partials/loop.sbn-html");
        problem.Line.Should().Be(2);
        problem.Message.Should().Contain("recursive");
    }

    [Fact]
    public void A_loop_that_never_ends_is_an_error_not_a_hang()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/404.sbn-html", "<h1>无</h1>\n{{ while true }}{{ end }}\n");

        var problem = TemplateTests.BuildErrors(site).Should().ContainSingle().Subject;
        (problem.File, problem.Line).Should().Be(("templates/404.sbn-html", 2));
        problem.Message.Should().Contain("does a loop never end");
    }

    [Fact]
    public void Nested_loops_share_one_budget_per_page()
    {
        // Each loop alone stays under Scriban's per-loop limit; together they would run for hours.
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/404.sbn-html", "{{ for i in 1..100000 }}{{ for j in 1..100000 }}{{ end }}{{ end }}\n");

        TemplateTests.BuildErrors(site).Single().Message.Should().Contain("does a loop never end");
    }

    [Fact]
    public void A_template_that_writes_without_end_is_stopped()
    {
        using var site = TestSite.WithTemplates();
        site.AddReport("a", Reports.FrontMatter());
        site.Write("templates/404.sbn-html", "{{ for i in 1..4000000 }}这一行会被一直写下去，直到超出限制。{{ end }}\n");

        var problem = TemplateTests.BuildErrors(site).Single();
        problem.File.Should().Be("templates/404.sbn-html");
    }
}
