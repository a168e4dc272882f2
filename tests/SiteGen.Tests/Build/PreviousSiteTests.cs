using FluentAssertions;
using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// A build stages into the site before last (<c>._site.previous</c>), keeping the files it already holds from
/// the same inputs. Whatever that folder holds, and however the last build ended, the result is the cold build.
/// </summary>
public class PreviousSiteTests
{
    private const string Report = "content/reports/441204-2021-annual-report-9bff11.md";

    [Fact]
    public void Undoing_an_edit_gives_the_cold_build_zip_and_all()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var original = File.ReadAllText(Path.Combine(site.Root, Report));
        File.WriteAllText(Path.Combine(site.Root, Report), original.Replace("现报告如下", "现将有关情况报告如下"));
        site.Build();

        // The folder staged into now is the first site: its page of the report is the one wanted again,
        // while the current site's page differs, and so does its entry in the current zip.
        File.WriteAllText(Path.Combine(site.Root, Report), original);
        var undone = site.Build();

        site.ShouldMatchColdBuild();
        Folders(site.Output).Should().Equal(Folders(site.ColdBuild()));
        undone.Reused.Should().BeGreaterThan(undone.Files / 2);
        Directory.Exists(Path.Combine(site.Root, "._site.previous")).Should().BeTrue("the replaced site is kept for the next build");
    }

    [Fact]
    public void Whatever_was_done_to_the_kept_site_the_build_is_the_cold_build()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        site.Build();
        var kept = Path.Combine(site.Root, "._site.previous");
        Directory.Exists(kept).Should().BeTrue();

        File.Delete(Path.Combine(kept, "index.html"));
        File.WriteAllText(Path.Combine(kept, "stray.html"), "<p>not part of the site</p>");
        var page = Path.Combine(kept, "reports/441802-2016-status-report-2cade2.html");
        File.Delete(page);
        Directory.CreateDirectory(page); // a folder where the site has a file
        var folder = Path.Combine(kept, "search");
        Directory.Delete(folder, recursive: true);
        File.WriteAllText(folder, "a file where the site has a folder");
        File.AppendAllText(Path.Combine(site.Root, Report), "\n新增一段。\n");

        site.Build();

        site.ShouldMatchColdBuild();
        Folders(site.Output).Should().Equal(Folders(site.ColdBuild()));
    }

    [Fact]
    public void Deleting_a_report_leaves_no_empty_folders_behind()
    {
        using var site = TestSite.CopyOfRepository();
        site.AddReport("990101-2022-annual-report-aaaaaa", Reports.FrontMatter(title: "某县2022年法治政府建设年度报告",
            year: 2022, city: "某市", county: "某县", code: "990101", publisher: "某县人民政府"));
        site.Build();
        site.Build();
        File.Delete(Path.Combine(site.Root, "content/reports/990101-2022-annual-report-aaaaaa.md"));

        site.Build();
        site.Build(); // the second build stages into the site that still had the report

        site.ShouldMatchColdBuild();
        Folders(site.Output).Should().Equal(Folders(site.ColdBuild()));
    }

    [Fact]
    public void A_failed_build_keeps_the_staged_files_for_the_next_build()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        site.Build();
        File.AppendAllText(Path.Combine(site.Root, Report), "\n新增一段。\n");
        var failing = () => SiteBuilder.Build(new BuildOptions(site.Root, site.Output) { Observer = new FailAfter(40) });
        failing.Should().Throw<IOException>();
        Directory.Exists(Path.Combine(site.Root, "._site.previous")).Should().BeTrue("what the failed build staged is kept");

        var next = site.Build();

        site.ShouldMatchColdBuild();
        next.Reused.Should().BeGreaterThan(next.Files / 2);
    }

    [Fact]
    public void A_build_that_fails_on_a_bad_report_leaves_the_site_and_the_one_before_it_as_they_were()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        site.Build();
        var page = site.ReadOutput("index.html");
        var original = File.ReadAllText(Path.Combine(site.Root, Report));
        File.WriteAllText(Path.Combine(site.Root, Report), original.Replace("title:", "title: [不完整"));

        var failing = () => site.Build();

        failing.Should().Throw<SiteGen.Diagnostics.SiteGenException>().Which.Diagnostics.Should().Contain(d => d.File == Report);
        site.ReadOutput("index.html").Should().Be(page);
        // The site before last is claimed while the reports load; a report that fails to load gives it back.
        Directory.Exists(Path.Combine(site.Root, "._site.previous")).Should().BeTrue("the next build stages into it");
        Directory.GetDirectories(site.Root, "._site.building-*").Should().BeEmpty();
        File.WriteAllText(Path.Combine(site.Root, Report), original);
        var next = site.Build();
        site.ShouldMatchColdBuild();
        next.Reused.Should().BeGreaterThan(next.Files / 2);
    }

    private static string[] Folders(string root) =>
        Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(root, d)).Order(StringComparer.Ordinal).ToArray();
}
