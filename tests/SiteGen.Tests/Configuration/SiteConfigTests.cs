using FluentAssertions;
using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Configuration;

public class SiteConfigTests
{
    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Problems) Load(string yaml)
    {
        using var site = TestSite.WithTemplates();
        site.Write("site.yml", yaml);
        var bag = new DiagnosticBag();
        var config = SiteConfig.Load(site.Root, bag);
        return (config, bag.ToSortedList());
    }

    [Fact]
    public void The_repositorys_site_yml_is_valid()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfig.Load(TestSite.RepoRoot, bag);
        bag.ToSortedList().Should().BeEmpty();
        config.Title.Should().Be("法治政府建设报告库");
        config.Language.Should().Be("zh-CN");
        config.BaseUrl.Should().EndWith("/");
        config.OfflineZip.Should().BeTrue();
    }

    [Fact]
    public void Base_url_gets_a_trailing_slash_and_defaults_fill_the_rest()
    {
        var (config, problems) = Load("title: 库\nbase_url: https://example.org/archive\n");
        problems.Should().BeEmpty();
        config.BaseUrl.Should().Be("https://example.org/archive/");
        config.PageSize.Should().Be(20);
        config.Listings.Should().Equal("year", "region", "doc_type", "publisher");
    }

    [Theory]
    [InlineData("title: 库\nbase_url: https://e.org/\ntheme: dark", 3, "unknown field 'theme'")]
    [InlineData("base_url: https://e.org/", 1, "missing required field 'title'")]
    [InlineData("title: 库\nbase_url: /reports/", 2, "base_url is the hosted site's absolute address")]
    [InlineData("title: 库\nbase_url: https://e.org/\npage_size: 0", 3, "from 1 to 1000")]
    [InlineData("title: 库\nbase_url: https://e.org/\nlistings: [year, tag]", 3, "unknown listing 'tag'")]
    [InlineData("title: 库\nbase_url: https://e.org/\noffline_zip:\n  name: 离线", 4, "a zip name is ASCII")]
    [InlineData("title: 库\nbase_url: https://e.org/\noffline_zip:\n  name: CON", 4, "'CON', a name Windows reserves")]
    [InlineData("title: [a, b\nbase_url: https://e.org/", 1, "this list or mapping is never closed")]
    public void Problems_name_the_line_and_field(string yaml, int line, string message)
    {
        var (_, problems) = Load(yaml);
        problems.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.File == "site.yml" && d.Line == line && d.Message.Contains(message));
    }
}
