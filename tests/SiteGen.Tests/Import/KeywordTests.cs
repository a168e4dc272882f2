using FluentAssertions;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Import.Keywords;

namespace SiteGen.Tests.Import;

/// <summary>Keywords proposed for pages that list none: SmartCn's words, ranked by tf-idf, marked as proposed.</summary>
public class KeywordTests
{
    private const string Page = """
        南海区2021年法治政府建设年度报告
        2021年，南海区坚持依法行政，认真做好行政复议工作，全年受理行政复议案件32件，行政复议纠错率12%。
        一、主要工作
        南海区推进行政复议体制改革，南海区行政复议案件全部集中办理。规范性文件备案审查实现全覆盖，备案审查规范性文件15件。
        加强行政执法监督，开展行政执法案卷评查，评查案卷60卷。
        二、存在问题
        个别部门对行政复议工作重视不够，规范性文件备案审查还需加强。
        南海区人民政府
        2022年1月18日
        """;

    [Fact]
    public void A_page_without_keywords_gets_its_recurring_rare_words_marked_as_proposed()
    {
        var report = KeywordProposer.General.Complete(ReportImporter.Import(Page));

        report.Keywords.Should().Contain("行政复议").And.Contain("规范性文件").And.HaveCountLessThanOrEqualTo(KeywordProposer.MaxKeywords);
        report.Keywords.Should().NotContain(k => k.Contains("南海"), "the place is the report's region already");
        report.Keywords.Should().NotContain(["工作", "加强", "复议"], "filler words say nothing and 复议 is in 行政复议 already");
        report.KeywordsSource.Should().Be(FrontMatterSchema.ProposedKeywords);
        report.Evidence["keywords"].Rule.Should().Contain("SmartCn");
        ReportFile.Write(report, null).Should().Contain("keywords_source: auto");
    }

    [Fact]
    public void Keywords_the_page_lists_are_kept_and_not_marked()
    {
        var listed = ReportImporter.Import(Page.Replace("2021年，南海区", "主题词：法治 报告\n2021年，南海区"));
        var report = KeywordProposer.General.Complete(listed);

        report.Keywords.Should().Equal("法治", "报告");
        report.KeywordsSource.Should().BeNull();
    }

    [Fact]
    public void A_word_every_report_of_the_archive_uses_ranks_below_one_only_this_page_uses()
    {
        // In this archive every report speaks of 规范性文件; 案卷 only this page does.
        var archive = Enumerable.Range(0, 30).Select(i => $"第{i}份报告。规范性文件备案审查{i}件，规范性文件清理。");
        var proposer = new KeywordProposer(new ArchiveRarity(archive));
        var text = "规范性文件备案审查，规范性文件清理，规范性文件公开。开展案卷评查，调阅案卷60卷。";

        var keywords = proposer.Propose(text).ToList();
        keywords.Should().Contain("规范性文件");
        keywords[0].Should().Be("案卷", string.Join(",", keywords));
        KeywordProposer.General.Propose(text)[0].Should().Be("规范性文件", "against a news corpus 规范性文件 is the rarer and the more frequent");
    }
}
