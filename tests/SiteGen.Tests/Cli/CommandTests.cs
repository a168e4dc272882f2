using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

public class CommandTests
{
    [Fact]
    public void Build_prints_a_plain_summary_when_not_on_a_terminal()
    {
        using var site = TestSite.CopyOfRepository();
        var result = SitegenProcess.Run("build", "--source", site.Root, "--out", site.Output);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().MatchRegex(@"Built 5 reports: \d+ pages, \d+ files, [\d.]+ [KM]B \(offline zip [\d.]+ [KM]B; \d+ files unchanged\) in [\d.]+ s");
        File.Exists(Path.Combine(site.Output, "index.html")).Should().BeTrue();
    }

    [Fact]
    public void Build_warns_while_base_url_is_still_the_example_address()
    {
        using var site = TestSite.CopyOfRepository();
        var example = SitegenProcess.Run("build", "--source", site.Root);
        example.ExitCode.Should().Be(0, example.Error);
        example.Error.Should().Contain("site.yml:6:1: warning: base_url is still the example address https://example.org/fazhi/");

        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")).Replace("https://example.org/fazhi/", "https://fazhi.example.gov.cn/"));
        var hosted = SitegenProcess.Run("build", "--source", site.Root);
        hosted.ExitCode.Should().Be(0, hosted.Error);
        hosted.Error.Should().NotContain("warning");
    }

    [Fact]
    public void Check_lists_every_problem_as_file_line_column_and_exits_1()
    {
        using var site = TestSite.CopyOfRepository();
        site.AddReport("bad-one", "title: 甲\ndate_published: 2021-02-30");
        site.AddReport("bad-two", "title: 乙\nregion:\n  provinse: 广东省");

        var result = SitegenProcess.Run("check", "--source", site.Root);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("content/reports/bad-one.md:3:17: field 'date_published' is '2021-02-30', which is not a real date");
        result.Error.Should().Contain("content/reports/bad-two.md:4:3: unknown field 'region.provinse'");
        Directory.Exists(site.Output).Should().BeFalse("check writes nothing");
    }

    [Fact]
    public void A_body_nested_past_markdigs_limit_is_the_reports_error_in_check_and_build()
    {
        using var site = TestSite.CopyOfRepository();
        site.AddReport("deep", "title: 深", new string('>', 10_000) + " 引文\n");
        site.AddReport("deeper", "title: 更深", new string('>', 20_000) + " 引文\n");

        foreach (var command in new[] { "check", "build" })
        {
            var result = SitegenProcess.Run(command, "--source", site.Root);
            result.ExitCode.Should().Be(1, command);
            result.Error.Should().Contain("content/reports/deep.md:4:1: the Markdown body cannot be rendered", command)
                .And.Contain("content/reports/deeper.md:4:1: the Markdown body cannot be rendered", "every such report in one run");
        }
    }

    [Fact]
    public void Check_passes_on_the_repositorys_own_content()
    {
        var result = SitegenProcess.Run("check", "--source", TestSite.RepoRoot);
        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("OK: 5 reports");
    }

    [Fact]
    public void A_failed_build_exits_non_zero_and_keeps_the_previous_site()
    {
        using var site = TestSite.CopyOfRepository();
        SitegenProcess.Run("build", "--source", site.Root).ExitCode.Should().Be(0);
        var before = SiteFiles.Snapshot(site.Output);
        site.Write("templates/report.sbn-html", "{{ for entry in toc }}\n");

        var result = SitegenProcess.Run("build", "--source", site.Root);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("templates/report.sbn-html:1:");
        SiteFiles.Snapshot(site.Output).Should().Equal(before);
    }
}
