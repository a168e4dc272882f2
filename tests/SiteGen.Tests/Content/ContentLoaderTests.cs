using FluentAssertions;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

public class ContentLoaderTests
{
    [Fact]
    public void Duplicate_slugs_are_reported_at_the_second_files_slug_line()
    {
        using var site = TestSite.WithTemplates();
        site.Write("content/reports/a.md", "---\ntitle: 甲\nslug: same\n---\n");
        site.Write("content/reports/b.md", "---\ntitle: 乙\nyear: 2020\nslug: same\n---\n");

        var bag = new DiagnosticBag();
        ContentLoader.Load(site.Root, bag);

        bag.ToSortedList().Should().ContainSingle().Which.Should().Be(new Diagnostic(
            "content/reports/b.md", 4, 1,
            "duplicate slug 'same': content/reports/a.md has it already; give one of them another 'slug:'"));
    }

    [Fact]
    public void Texts_are_read_again_when_needed_and_a_file_changed_meanwhile_is_named()
    {
        using var site = TestSite.WithTemplates();
        var file = site.Write("content/reports/a.md", "---\ntitle: 甲\n---\n\n正文。\n");
        var report = ContentLoader.Load(site.Root, new DiagnosticBag()).Single();
        report.Body.Should().Be("\n正文。\n");

        File.WriteAllText(file, "---\ntitle: 甲\n---\n\n编辑器刚刚保存的新正文。\n");
        var reading = () => report.Body;

        reading.Should().Throw<SiteGenException>().Which.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            "content/reports/a.md", 1, 1, "the file changed while the site was being built; build again"));
    }

    [Fact]
    public void The_sites_copy_of_a_report_is_its_file_as_loaded_and_a_file_changed_meanwhile_is_named()
    {
        using var site = TestSite.WithTemplates();
        var plain = site.Write("content/reports/a.md", "---\ntitle: 甲\n---\n\n正文。\n");
        var windows = Path.Combine(site.Root, "content/reports/b.md");
        File.WriteAllBytes(windows, [0xEF, 0xBB, 0xBF, .. "---\r\ntitle: 乙\r\n---\r\n\r\n正文。\r\n"u8]);
        var reports = ContentLoader.Load(site.Root, new DiagnosticBag()).ToDictionary(r => r.Slug);

        reports["a"].SourceBytes.Should().Equal(File.ReadAllBytes(plain));
        reports["b"].SourceBytes.Should().Equal("---\ntitle: 乙\n---\n\n正文。\n"u8.ToArray(), "published as the build reads it: LF, no BOM");

        File.WriteAllText(plain, "---\ntitle: 甲\n---\n\n改过的正文。\n");
        var reading = () => reports["a"].SourceBytes;
        reading.Should().Throw<SiteGenException>().Which.Diagnostics.Should().ContainSingle().Which.Message
            .Should().Be("the file changed while the site was being built; build again");
    }

    [Fact]
    public void Problems_in_many_files_are_all_reported_in_one_run()
    {
        using var site = TestSite.WithTemplates();
        site.Write("content/reports/a.md", "---\ntitle: 甲\nyear: x\n---\n");
        site.Write("content/reports/sub/b.md", "no front matter");
        site.Write("content/reports/c.md", "---\ntitle: 丙\n---\n");

        var bag = new DiagnosticBag();
        var reports = ContentLoader.Load(site.Root, bag);

        reports.Select(r => r.Slug).Should().Equal("c");
        bag.ToSortedList().Select(d => $"{d.File}:{d.Line}").Should().Equal("content/reports/a.md:3", "content/reports/sub/b.md:1");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_named_in_the_error()
    {
        using var site = TestSite.WithTemplates();
        var gbk = new byte[] { 0x2D, 0x2D, 0x2D, 0x0A, 0xB8, 0xDF, 0xD2, 0xAA, 0x0A }; // "---\n高要\n" in GBK
        File.WriteAllBytes(Path.Combine(site.Root, "content/reports/gbk.md"), gbk);

        var bag = new DiagnosticBag();
        ContentLoader.Load(site.Root, bag);

        bag.ToSortedList().Single().Should().Match<Diagnostic>(d => d.File == "content/reports/gbk.md" && d.Message.Contains("not UTF-8"));
    }

    [Fact]
    public void A_file_too_large_to_be_a_report_is_refused_by_name()
    {
        using var site = TestSite.WithTemplates();
        site.Write("content/reports/huge.md", "---\ntitle: 巨大\n---\n" + new string('法', 3 * 1024 * 1024));

        var bag = new DiagnosticBag();
        ContentLoader.Load(site.Root, bag);

        bag.ToSortedList().Single().Should().Match<Diagnostic>(d => d.File == "content/reports/huge.md" && d.Message.StartsWith("the file is 9.0 MB; a report may be at most 5 MB"));
    }
}
