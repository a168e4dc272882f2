using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using SiteGen.Cache;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>A rebuild takes unchanged report files from the cache instead of reading them: it must get the very same reports.</summary>
public class ReportCacheTests
{
    private const string Extra = """
        slug: every-field-2021
        level: 县级
        date_written: 2022-01-15
        doc_number: 某府〔2022〕3号
        index_number: 11441204MB2C93107K/2022-00012
        keywords: [法治政府, 年度报告]
        abstract: 摘要：依法行政。
        source:
          site: 某县人民政府网
          url: https://www.example.gov.cn/a/1.html
          file: a.html
        warnings: [正文由网页导入]
        """;

    [Fact]
    public void Reports_from_the_cache_equal_reports_read_from_their_files_field_for_field()
    {
        using var site = TestSite.CopyOfRepository();
        site.AddReport("every-field-2021", Reports.FrontMatter(code: "441204", extra: Extra), "## 一、正文\n\n内容。\n");
        AgeReports(site);
        var cache = CacheOf(site);
        Load(site, cache);

        var cached = Load(site, cache);
        var read = Load(site, null);

        cached.Select(Json).Should().Equal(read.Select(Json));
        read.Should().Contain(r => r.Slug == "every-field-2021" && r.Source.Url != null && r.Warnings.Count == 1 && r.DateWritten != null);
    }

    [Fact]
    public void An_unchanged_file_is_not_read_again_and_an_edited_one_is()
    {
        using var site = TestSite.CopyOfRepository();
        var files = AgeReports(site);
        var cache = CacheOf(site);
        Load(site, cache);

        // Same size and time as before, unreadable as a report: were it read, it would fail.
        var untouched = files[0];
        var time = File.GetLastWriteTimeUtc(untouched);
        File.WriteAllText(untouched, new string('x', (int)new FileInfo(untouched).Length));
        File.SetLastWriteTimeUtc(untouched, time);
        var edited = files[1];
        Retitle(edited);

        var reports = Load(site, cache);

        reports.Should().HaveCount(files.Length);
        reports.Single(r => r.SourcePath.EndsWith(Path.GetFileName(edited))).Title.Should().StartWith("某");
    }

    [Fact]
    public void A_file_written_just_before_the_load_is_read_again_next_time()
    {
        using var site = TestSite.CopyOfRepository();
        var file = AgeReports(site)[0];
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        var time = File.GetLastWriteTimeUtc(file);
        var cache = CacheOf(site);
        Load(site, cache);

        // An edit within the same clock tick keeps the size and the time.
        Retitle(file);
        File.SetLastWriteTimeUtc(file, time);

        Load(site, cache).Single(r => r.SourcePath.EndsWith(Path.GetFileName(file))).Title.Should().StartWith("某");
    }

    private static ReportCache CacheOf(TestSite site) => new(Path.Combine(site.Root, ".sitegen", "reports.bin"), new CacheDamage());

    private static IReadOnlyList<Report> Load(TestSite site, ReportCache? cache)
    {
        var diagnostics = new DiagnosticBag();
        var reports = ContentLoader.Load(site.Root, diagnostics, cache);
        diagnostics.ToSortedList().Should().BeEmpty();
        return reports;
    }

    /// <summary>Report files last written an hour ago, as files are that an editor did not just save.</summary>
    private static string[] AgeReports(TestSite site)
    {
        var files = Directory.GetFiles(Path.Combine(site.Root, ContentLoader.ReportsFolder), "*.md").Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        return files;
    }

    /// <summary>An edit that keeps the file's size: the title's first character becomes 某.</summary>
    private static void Retitle(string file)
    {
        var text = File.ReadAllText(file);
        var edited = new Regex("(?m)^title: [^某\\x00-\\x7F]").Replace(text, "title: 某", 1);
        edited.Should().NotBe(text);
        File.WriteAllText(file, edited);
    }

    private static string Json(Report report) => JsonSerializer.Serialize(report);
}
