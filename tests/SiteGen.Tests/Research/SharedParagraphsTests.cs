using FluentAssertions;
using SiteGen.Research;

namespace SiteGen.Tests.Research;

public class SharedParagraphsTests
{
    private const string Paragraph = "2021年，县政府坚持以习近平法治思想为指导，全面落实行政执法三项制度，全年开展行政执法案卷评查两次，评查案卷一百二十卷，发现问题十五个，已全部整改到位。";

    private static IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> Find(params (string Slug, string Text)[] reports) =>
        SharedParagraphs.Find(reports.Select(r => (r.Slug, ParagraphPrints.Of(r.Text))));

    [Fact]
    public void A_paragraph_copied_with_its_punctuation_and_spacing_changed_is_shared()
    {
        var copy = Paragraph.Replace("，", ",").Replace("。", ". ").Replace("两次", " 两次 ");
        var shared = Find(("a", "甲县自己的开头。\n" + Paragraph), ("b", copy + "\n乙县另写的一段话。"), ("c", "丙县完全不同的内容，与其他报告没有一段相同的文字，这一段足够长但是内容不同，不会被当作抄袭。"));

        shared["a"].Should().ContainSingle().Which.Others.Should().Equal("b");
        shared["b"].Should().ContainSingle().Which.Others.Should().Equal("a");
        shared.Should().NotContainKey("c");
    }

    [Fact]
    public void A_paragraph_copied_with_a_year_changed_is_still_shared()
    {
        var shared = Find(("a", Paragraph), ("b", Paragraph.Replace("2021年", "2022年").Replace("十五个", "十六个")));
        shared["a"].Should().ContainSingle().Which.OtherCount.Should().Be(1);
    }

    [Theory]
    [InlineData("2021年，Ｗ区坚持依法行政，全面推进“放管服”改革：办理行政复议案件 125 件，ABC 系统上线，纠错率 12.5%，群众满意度持续提升。")]
    [InlineData("一是健全制度。二是 Strengthen Supervision（加强监督），三是 落实责任——做到有错必纠、有责必问，确保各项工作落到实处。")]
    public void A_paragraphs_print_is_its_normal_forms_print(string paragraph)
    {
        // Prints are made from the paragraph as it stands, skipping what its normal form leaves out, not from the normal form.
        var normal = ParagraphPrints.Normalize(paragraph);
        ParagraphPrints.Length(paragraph).Should().Be(normal.Length).And.BeGreaterThanOrEqualTo(ParagraphPrints.MinChars);
        ParagraphPrints.Of([paragraph]).Signatures.Should().Equal(ParagraphPrints.Of([normal]).Signatures);
    }

    [Fact]
    public void A_stock_phrase_under_50_characters_is_not_copying()
    {
        const string stock = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。";
        ParagraphPrints.Normalize(stock).Length.Should().BeLessThan(ParagraphPrints.MinChars);
        Find(("a", stock), ("b", stock)).Should().BeEmpty();
    }

    [Fact]
    public void A_paragraphs_length_counts_each_letter_and_digit_wherever_it_stands()
    {
        // Characters at the edges of the range counted without a lookup (U+4E00–U+9FFF) and just outside it, among
        // punctuation, digits, Latin and a character beyond the BMP, in strings long and short; each counted alone is the reference.
        string[] pool = ["一", "\u9FFF", "\u4DFF", "\uA000", "〇", "法", "治", "，", "。", "（", "２", "7", "a", "Z", " ", "\n", "𠀀", "—"];
        var random = new Random(21);
        for (var n = 0; n < 300; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 90)).Select(_ => pool[random.Next(pool.Length)]));
            var expected = text.Sum(c => ParagraphPrints.Length(c.ToString()));
            ParagraphPrints.Length(text).Should().Be(expected, text);
        }
    }

    [Fact]
    public void Paragraphs_that_only_share_words_are_not_copies()
    {
        var other = "2021年，县政府坚持以习近平法治思想为指导，深化行政复议体制改革，全年受理行政复议案件四十件，纠错六件，行政机关负责人出庭应诉率达到百分之百。";
        Find(("a", Paragraph), ("b", other)).Should().BeEmpty();
    }

    [Fact]
    public void A_paragraph_many_reports_share_links_a_few_and_counts_the_rest()
    {
        var reports = Enumerable.Range(0, 12).Select(i => ($"r{i:00}", Paragraph)).ToArray();
        var shared = Find(reports);

        shared["r00"].Single().Others.Should().HaveCount(SharedParagraphs.MaxLinks).And.StartWith("r01");
        shared["r00"].Single().OtherCount.Should().Be(11);
    }

    [Fact]
    public void Buckets_carried_over_from_the_last_build_give_what_a_build_without_them_gives()
    {
        // Paragraphs that reports copy from one another, and each report's own; reports hold copies in both orders, so
        // that an edit changes which paragraph comes first in a bucket.
        // A paragraph no other report has: 60 characters drawn from the CJK block by the report and number.
        static string Own(string slug, int i)
        {
            var random = new Random(Convert.ToInt32(SiteGen.Cache.Fingerprint.Of(slug + i)[..6], 16)); // seeded: the same text in every run
            return new(Enumerable.Range(0, 60).Select(_ => (char)(0x4E00 + random.Next(20000))).ToArray());
        }
        var pool = Enumerable.Range(0, 6).Select(i => Own("pool", i)).ToArray();
        var reports = Enumerable.Range(0, 24).ToDictionary(r => $"r{r:00}", r => string.Join("\n",
            new[] { Own($"r{r:00}", 0), pool[r % pool.Length], Own($"r{r:00}", 1), r % 4 == 0 ? pool[(r + 1) % pool.Length] : Own($"r{r:00}", 2) }));
        var root = Directory.CreateTempSubdirectory("sitegen-buckets-").FullName;
        try { ChangeAndCompare(reports, pool, Own, root); }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static void ChangeAndCompare(Dictionary<string, string> reports, string[] pool, Func<string, int, string> Own, string root)
    {
        var cache = new ParagraphBucketCache(new SiteGen.Cache.BuildCache(root));
        var answers = new List<string>();
        void BuildBoth(string change)
        {
            // The key stands for the version of the report's file, as the analysis's key does in a build.
            var input = reports.Select(r => (r.Key, SiteGen.Cache.Fingerprint.Of(r.Value), ParagraphPrints.Of(r.Value))).ToList();
            var cold = Describe(SharedParagraphs.Find(input, null));
            Describe(SharedParagraphs.Find(input, cache)).Should().Be(cold, change);
            answers.Add(cold);
        }

        var folder = Path.Combine(root, SiteGen.Cache.BuildCache.FolderName, ParagraphBucketCache.FolderName);
        string[] Kept() => Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => Convert.ToHexString(File.ReadAllBytes(f))).ToArray();
        BuildBoth("the first build, with no buckets to carry");
        var made = Kept();
        made.Should().HaveCount(ParagraphBuckets.Bands + 1);
        BuildBoth("nothing changed");
        reports["r06"] = reports["r06"].Replace(pool[0], Own("r06", 9)); // r06 no longer copies: r12 is now its bucket's first
        reports["r13"] = reports["r13"] + "\n" + pool[0];
        BuildBoth("two reports edited");
        reports.Remove("r00");
        reports["r99"] = pool[2] + "\n" + pool[3];
        reports["a-renamed"] = reports["r18"];
        reports.Remove("r18");
        BuildBoth("a report deleted, one added, one renamed");
        reports["r07"] = reports["r07"].Replace(pool[1], pool[4]);
        reports.Remove("r04"); // the first of pool[5]'s bucket, which gains no paragraph: compared again for what it lost alone
        BuildBoth("a report edited to copy another paragraph, and another deleted");
        Kept().Should().Equal(made, "the edits were patched in memory: the kept buckets are the first build's");

        var bands = Directory.GetFiles(folder, "band-*.bin");
        var firstBands = bands.Select(File.ReadAllBytes).ToList();
        foreach (var slug in reports.Keys.Where(s => string.CompareOrdinal(s, "r10") < 0).ToList()) reports[slug] = reports[slug].Replace(pool[2], Own(slug, 7)) + "\n" + Own(slug, 8);
        BuildBoth("a third of the reports edited");
        Kept().Should().NotEqual(made, "so much had changed that the buckets were made again");
        // As if a build stopped after writing its bands and before its listing: the bands name another listing.
        for (var i = 0; i < bands.Length; i++) File.WriteAllBytes(bands[i], firstBands[i]);
        BuildBoth("bands of another listing");
        var band = bands[3];
        var bytes = File.ReadAllBytes(band);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(band, bytes);
        BuildBoth("a damaged band");
        answers.Distinct().Should().HaveCount(5, "each of the four rounds of edits changed what is shared");
        answers[0].Split('\n').Should().HaveCount(24 + 6, "each report shares one paragraph, and every fourth two");
    }

    [Fact]
    public void A_buckets_paragraphs_are_in_archive_order_so_its_first_is_the_earliest()
    {
        // Which paragraph is a bucket's first decides what is compared with what (similarity is not transitive), and
        // the sort that makes buckets is not stable: two hundred equal keys are where it reorders.
        var all = new ParagraphBuckets.AllParagraphs(Enumerable.Range(0, 200).Select(_ => ParagraphPrints.Of(Paragraph)).ToList());
        var band = ParagraphBuckets.Of(0, all);

        band.Paragraphs.Should().Equal(Enumerable.Range(0, 200));
        band.Firsts.Should().AllBeEquivalentTo(0, "the earliest paragraph is every match's first");
    }

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<SharedParagraph>> shared) =>
        string.Join("\n", shared.OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => s.Value.Select(p => $"{s.Key}: {p.Excerpt} -> {string.Join(",", p.Others)} ({p.OtherCount})")));
}
