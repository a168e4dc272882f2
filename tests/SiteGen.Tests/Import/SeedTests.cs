using FluentAssertions;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import;

/// <summary>The five raw pages in seeds/, imported: each field checked against a reading by hand.</summary>
public class SeedTests
{
    private static ImportedReport ImportSeed(string prefix)
    {
        var file = Directory.GetFiles(Path.Combine(TestSite.RepoRoot, "seeds"), prefix + "_*.txt").Single();
        return ReportImporter.Import(TextDecoder.Decode(File.ReadAllBytes(file)).Text!);
    }

    public static TheoryData<string> AllSeeds() => ["000", "001", "002", "003", "004"];

    public static TheoryData<string, string> Expected() => new()
    {
        { "000", "清远高新区2016年度法治政府建设情况报告|情况报告|2016|广东清远高新技术产业开发区管理委员会|广东省 清远市 清城区|441802|开发区|2017-01-20|2017-01-23||" },
        { "001", "安丘经济开发区2017年度法治政府建设工作落实情况汇报|情况报告|2017|安丘经济开发区管委会|山东省 潍坊市 安丘市|370784|开发区|2018-02-01|2018-02-01|安经开〔2018〕7号|113707840643760583/2018-00073" },
        { "002", "高要区2021年法治政府建设年度报告|年度报告|2021|肇庆市高要区人民政府|广东省 肇庆市 高要区|441204|县级||2022-02-23||" },
        { "003", "坡头区人民政府办公室关于印发坡头区2017年依法行政工作要点的通知|工作要点|2017|湛江市坡头区人民政府办公室|广东省 湛江市 坡头区|440804|部门|2017-08-15|2017-08-28||" },
        { "004", "区委办(区府办、开发区党政办)2023年法治政府建设年度报告|年度报告|2023|中共珠海市金湾区委办公室、珠海市金湾区人民政府办公室、珠海经济技术开发区党政办公室|广东省 珠海市 金湾区|440404|部门|2024-01-08|2024-01-09||" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_seed_imports_with_the_fields_read_by_hand(string seed, string expected)
    {
        var r = ImportSeed(seed);
        string.Join("|", r.Title, r.DocType, r.Year, r.Publisher, r.Region.Display, r.Region.Code, r.Level,
            FrontMatterWriter.Iso(r.DateWritten), FrontMatterWriter.Iso(r.DatePublished), r.DocNumber, r.IndexNumber).Should().Be(expected);
    }

    [Theory]
    [InlineData("000", "日期缺字：“201726日”", "落款日期缺少“日”字")]
    [InlineData("002", "未找到落款", "发布机构取自网站主办单位")]
    [InlineData("003", "年份区间缺少连接号：“20152020年”", "文号缺字或括号不配对：“〔20166]”")]
    [InlineData("004", "开头残缺：正文从句中“2,850,480次。”开始", "段落粘连")]
    public void Each_seeds_defects_are_flagged(string seed, string first, string second)
    {
        var warnings = ImportSeed(seed).Warnings;
        warnings.Should().Contain(w => w.StartsWith(first)).And.Contain(w => w.Contains(second));
    }

    [Fact]
    public void A_clean_seed_gets_no_defect_warnings()
    {
        ImportSeed("001").Warnings.Should().Equal("内容概述不完整：原网页的摘要在句中截断。");
    }

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void Imported_files_are_valid_reports_for_the_build(string seed)
    {
        var report = ImportSeed(seed);
        var bag = new DiagnosticBag();
        var read = ReportReader.Read("content/reports/" + ReportFile.FileName(report), ReportFile.Write(report, $"seeds/{seed}.txt"), bag);

        bag.ToSortedList().Should().BeEmpty();
        read!.Title.Should().Be(report.Title);
        read.Year.Should().Be(report.Year);
        read.Region.Should().Be(report.Region);
        read.Warnings.Should().Equal(report.Warnings);
        read.Body.TrimStart('\n').Should().Be(report.Body);
    }

    /// <summary>The hand corrections of the landed reports, as the README lists them: each a change to the import's text.</summary>
    private static readonly Dictionary<string, Func<string, string>> Corrections = new()
    {
        // An editor checked the publisher the site's footer gave.
        ["002"] = text => text.Replace("“肇庆市高要区人民政府”，请核对。", "“肇庆市高要区人民政府”。"),
        // An editor split the run-together sections 六、七、八、 and (一)–(四), and said so.
        ["004"] = text => text.Replace("原文有约 6 处段落或标题连在同一行，未作拆分。", "原文各段连成一行；编辑仅在“六、”“七、”“八、”和“(一)”至“(四)”处分段，其余未拆分。"),
    };

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void Each_landed_report_is_its_seed_imported_with_only_the_listed_corrections(string seed)
    {
        var reports = Path.Combine(TestSite.RepoRoot, "content", "reports");
        var report = SiteGen.Import.Keywords.KeywordBackground.For(reports).Complete(ImportSeed(seed));
        var name = Path.GetFileName(Directory.GetFiles(Path.Combine(TestSite.RepoRoot, "seeds"), seed + "_*.txt").Single());
        var imported = ReportFile.Write(report, "seeds/" + name);
        imported = Corrections.GetValueOrDefault(seed, text => text)(imported);
        var landed = File.ReadAllText(Path.Combine(reports, ReportFile.FileName(report)));

        var (importedYaml, landedYaml) = (imported[..imported.IndexOf("\n---\n", 4)], landed[..landed.IndexOf("\n---\n", 4)]);
        landedYaml.Should().Be(importedYaml, "the front matter is the importer's but for the listed corrections");
        // Splitting paragraphs is the one change an editor made to a body: no word differs.
        Words(landed[landedYaml.Length..]).Should().Be(Words(imported[importedYaml.Length..]));
        if (seed != "004") landed.Should().Be(imported);
    }

    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"[\s#]", "");

    [Fact]
    public void The_signature_and_chrome_leave_the_body_but_closing_notes_stay()
    {
        var body = ImportSeed("001").Body;
        body.Should().EndWith("(此件公开发布)\n");
        body.Should().NotContain("安丘经济开发区管委会\n").And.NotContain("版权所有").And.NotContain("信息公开搜索");
        body.Should().StartWith("去年以来,经济开发区认真贯彻落实");
    }
}
