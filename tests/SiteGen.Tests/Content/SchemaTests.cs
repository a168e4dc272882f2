using FluentAssertions;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>One table of fields drives reading, writing and the README: these hold the three to it.</summary>
public class SchemaTests
{
    [Fact]
    public void The_readme_field_table_is_the_schemas()
    {
        var readme = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("| key | type | meaning |", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the README has a front-matter field table");
        var end = readme.IndexOf("\n\n", start, StringComparison.Ordinal);
        (readme[start..end] + "\n").Should().Be(FrontMatterSchema.MarkdownTable(),
            "the README's table is made from FrontMatterSchema (paste FrontMatterSchema.MarkdownTable() into it)");
    }

    [Fact]
    public void Every_field_an_import_writes_reads_back_the_same()
    {
        var imported = new ImportedReport
        {
            Title = "某县2021年法治政府建设年度报告",
            DocType = "年度报告",
            Year = 2021,
            Publisher = "某县人民政府",
            Region = new Region("广东省", "肇庆市", "高要区", "441204"),
            Level = "县级",
            DateWritten = new DateOnly(2022, 2, 20),
            DatePublished = new DateOnly(2022, 2, 23),
            DocNumber = "高府〔2022〕3号",
            IndexNumber = "007-2022-00012",
            Keywords = ["法治政府", "行政复议"],
            KeywordsSource = FrontMatterSchema.ProposedKeywords,
            Abstract = "true: 一份报告 #1",
            Source = new SourceInfo("高要区人民政府网", "https://example.gov.cn/a.html", null),
            Warnings = ["原文开头缺失。"],
            Body = "正文。\n",
        };
        var bag = new DiagnosticBag();
        var read = ReportReader.Read("content/reports/x.md", ReportFile.Write(imported, "seeds/x.txt"), bag);

        bag.ToSortedList().Should().BeEmpty();
        read.Should().NotBeNull();
        read!.Body.Trim().Should().Be("正文。");
        read.Source.Should().Be(imported.Source with { File = "seeds/x.txt" });
        foreach (var field in FrontMatterSchema.Fields.Where(f => f.Key is not ("source" or "slug")))
            Value(field, read).Should().BeEquivalentTo(Value(field, imported), $"'{field.Key}' is written and read back");
    }

    /// <summary>A field's value as the cache would store it: the same bytes mean the same value.</summary>
    private static byte[] Value(SchemaField field, ReportFields report)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes)) field.Save(writer, report);
        return bytes.ToArray();
    }
}
