using System.Text;
using System.Text.Json;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

public class ImportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sitegen-import-" + Guid.NewGuid().ToString("N")[..10]);
    private string Seeds => Path.Combine(TestSite.RepoRoot, "seeds");
    private string Out => Path.Combine(_folder, "reports");

    public ImportCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Json_output_has_exactly_the_contract_keys_for_every_input()
    {
        var result = SitegenProcess.Run("import", Seeds, "--out", Out, "--json", "--dry-run");
        result.ExitCode.Should().Be(0, result.Error);

        var items = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        items.Should().HaveCount(5);
        foreach (var item in items)
            item.EnumerateObject().Select(p => p.Name).Should().Equal("source", "output", "title", "doc_type", "publisher", "region",
                "level", "year", "date_written", "date_published", "doc_number", "index_number", "keywords", "keywords_source", "warnings", "evidence");
        var gaoyao = items.Single(i => i.GetProperty("title").GetString() == "高要区2021年法治政府建设年度报告");
        gaoyao.GetProperty("region").GetProperty("code").GetString().Should().Be("441204");
        gaoyao.GetProperty("year").GetInt32().Should().Be(2021);
        gaoyao.GetProperty("date_written").ValueKind.Should().Be(JsonValueKind.Null);
        gaoyao.GetProperty("date_published").GetString().Should().Be("2022-02-23");
        gaoyao.GetProperty("warnings").GetArrayLength().Should().BeGreaterThan(0);
        var published = gaoyao.GetProperty("evidence").GetProperty("date_published");
        published.GetProperty("rule").GetString().Should().StartWith("label ");
        published.GetProperty("line").GetInt32().Should().BePositive();
        Directory.Exists(Out).Should().BeFalse("--dry-run writes nothing");
    }

    [Fact]
    public void An_existing_report_is_never_overwritten_unless_forced()
    {
        var seed = Directory.GetFiles(Seeds, "002_*").Single();
        SitegenProcess.Run("import", seed, "--out", Out).ExitCode.Should().Be(0);
        var written = Directory.GetFiles(Out).Single();
        File.WriteAllText(written, File.ReadAllText(written).Replace("level: 县级", "level: 县级\nkeywords: [编辑补充]"));
        var edited = File.ReadAllText(written);

        var again = SitegenProcess.Run("import", seed, "--out", Out);
        again.Output.Should().Contain("[kept]").And.Contain("--force");
        again.Output.Should().Contain("1 input(s), 0 imported, 0 failed, 1 kept (exists and differs; --force overwrites).");
        File.ReadAllText(written).Should().Be(edited);

        var forced = SitegenProcess.Run("import", seed, "--out", Out, "--force");
        forced.Output.Should().Contain("[overwritten]");
        File.ReadAllText(written).Should().NotContain("编辑补充");
    }

    [Fact]
    public void A_page_that_would_make_a_report_build_refuses_is_refused_at_import()
    {
        var input = Path.Combine(_folder, "huge.txt");
        File.WriteAllText(input, "某县2021年法治政府建设年度报告\n" + string.Concat(Enumerable.Repeat("依法行政工作取得成效。", 200_000)));

        var result = SitegenProcess.Run("import", input, "--out", Out);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("MB report, and a report may be at most 5 MB");
        Directory.Exists(Out).Should().BeFalse("nothing is written that build would refuse");
    }

    [Fact]
    public void Two_untitled_pages_of_one_batch_become_two_reports()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "2021年,县政府认真落实法治政府建设各项任务,现将有关情况报告如下。\n\n一、主要工作\n\n全年举办领导干部法治讲座6场。\n");
        File.WriteAllText(Path.Combine(inputs, "b.txt"), "2021年,镇政府认真落实法治政府建设各项任务,现将有关情况报告如下。\n\n一、主要工作\n\n全年举办法治讲座3场。\n");

        var result = SitegenProcess.Run("import", inputs, "--out", Out);

        result.ExitCode.Should().Be(0, result.Error);
        Directory.GetFiles(Out).Should().HaveCount(2);
    }

    [Fact]
    public void A_file_that_is_not_text_fails_alone_and_the_rest_of_the_batch_imports()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        File.WriteAllBytes(Path.Combine(inputs, "a-scan.pdf"), [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00, 0x01]);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(Path.Combine(inputs, "b-gbk.txt"), Encoding.GetEncoding("GBK").GetBytes(
            File.ReadAllText(Directory.GetFiles(Seeds, "001_*").Single()).Replace("\n", "\r\n")));

        var result = SitegenProcess.Run("import", inputs, "--out", Out);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("not a readable PDF");
        result.Output.Should().Contain("2 input(s), 1 imported, 1 failed.");
        var imported = File.ReadAllText(Directory.GetFiles(Out).Single());
        imported.Should().Contain("title: 安丘经济开发区2017年度法治政府建设工作落实情况汇报").And.Contain("code: \"370784\"");
    }

    [Fact]
    public void Imported_seeds_build_into_a_site()
    {
        using var site = TestSite.WithTemplates();
        SitegenProcess.Run("import", Seeds, "--out", Path.Combine(site.Root, "content/reports")).ExitCode.Should().Be(0);
        var check = SitegenProcess.Run("check", "--source", site.Root);
        check.ExitCode.Should().Be(0, check.Error);
        check.Output.Should().Contain("OK: 5 reports");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
