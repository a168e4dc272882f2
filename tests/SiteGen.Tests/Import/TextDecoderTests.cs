using System.Text;
using FluentAssertions;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

public class TextDecoderTests
{
    private const string Sample = "高要区2021年法治政府建设年度报告\r\n发布时间:2022-02-23\r\n";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Rare = Sample + "𠀀㐀\r\n"; // characters GBK lacks: GB18030 gives them four bytes

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Sample) },
        { "UTF-8", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)] },
        { "UTF-16LE", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)] },
        { "UTF-16BE", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
        { "UTF-16LE", Encoding.Unicode.GetBytes(Sample) },
        { "UTF-16BE", Encoding.BigEndianUnicode.GetBytes(Sample) },
        { "GB18030", Encoding.GetEncoding("GBK").GetBytes(Sample) },
        { "GB18030", Encoding.GetEncoding("GB18030").GetBytes(Rare) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes_the_encodings_government_files_come_in(string encoding, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        decoded.Error.Should().BeNull();
        decoded.Encoding.Should().Be(encoding);
        decoded.Text.Should().BeOneOf(Sample, Rare);
        decoded.Text!.Should().StartWith(Sample);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, "PDF")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "Office")]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x00, 0xFF, 0x10, 0x11, 0x12, 0x13 }, "not a text file")]
    [InlineData(new byte[0], "empty")]
    public void Refuses_bytes_that_are_not_text_with_a_reason(byte[] bytes, string reason)
    {
        var decoded = TextDecoder.Decode(bytes);
        decoded.Text.Should().BeNull();
        decoded.Error.Should().Contain(reason);
    }

    private const string Traditional = "某縣2021年法治政府建設年度報告\n一、主要工作\n今年以來，本縣堅持依法行政，推進法治政府建設，取得明顯成效。現將有關情況報告如下。\n";

    [Fact]
    public void Big5_is_detected_and_read_right_not_as_mojibake()
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding(950).GetBytes(Traditional));
        (decoded.Text, decoded.Encoding).Should().Be((Traditional, "Big5"));
    }

    [Fact]
    public void Simplified_gbk_is_never_taken_for_big5()
    {
        var seeds = Directory.GetFiles(Path.Combine(SiteGen.Tests.Support.TestSite.RepoRoot, "seeds"), "*.txt");
        seeds.Should().HaveCount(5);
        foreach (var seed in seeds)
        {
            var text = File.ReadAllText(seed);
            var decoded = TextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(text));
            (decoded.Text, decoded.Encoding).Should().Be((text, "GB18030"), Path.GetFileName(seed));
        }
    }

    [Fact]
    public void Traditional_characters_saved_as_gb18030_are_still_gb18030()
    {
        TextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(Traditional)).Text.Should().Be(Traditional);
    }
}
