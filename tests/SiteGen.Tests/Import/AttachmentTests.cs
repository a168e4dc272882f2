using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FluentAssertions;
using SiteGen.Import;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SiteGen.Tests.Import;

/// <summary>Reports published as Word or PDF files, made here by the tests themselves.</summary>
public class AttachmentTests
{
    private static readonly string[] Lines =
    [
        "平远县人民政府关于2021年度法治政府建设情况的报告",
        "2021年,县政府坚持以习近平法治思想为指导,认真落实法治政府建设各项任务,现将有关情况报告如下。",
        "一、主要工作",
        "县政府常务会议专题研究法治政府建设工作4次。",
        "平远县人民政府",
        "2022年1月18日",
    ];

    [Fact]
    public void A_word_document_imports_paragraph_by_paragraph()
    {
        var decoded = TextDecoder.Decode(Docx(Lines));
        decoded.Encoding.Should().Be("DOCX");
        var report = ReportImporter.Import(decoded.Text!);
        report.Title.Should().Be(Lines[0]);
        report.Publisher.Should().Be("平远县人民政府");
        report.DateWritten.Should().Be(new DateOnly(2022, 1, 18));
        report.Body.Should().Contain("## 一、主要工作").And.Contain("专题研究法治政府建设工作4次");
    }

    [Fact]
    public void A_pdf_with_a_text_layer_is_read_in_order()
    {
        var decoded = TextDecoder.Decode(Pdf("Annual report on the rule of law, 2021", "Section one: measures taken"));
        decoded.Encoding.Should().Be("PDF");
        decoded.Text.Should().Contain("Annual report on the rule of law, 2021");
        decoded.Text!.IndexOf("Annual", StringComparison.Ordinal).Should().BeLessThan(decoded.Text.IndexOf("Section", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pdf_without_text_a_legacy_doc_and_a_damaged_file_are_refused_with_the_reason()
    {
        TextDecoder.Decode(Pdf()).Error.Should().Contain("without a text layer");
        TextDecoder.Decode([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00]).Error.Should().Contain(".doc");
        TextDecoder.Decode("%PDF-1.4\n%garbage"u8.ToArray()).Error.Should().Contain("PDF");
        TextDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]).Error.Should().Contain("Word");
    }

    private static byte[] Docx(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < lines.Length; i++) page.AddText(lines[i], 12, new PdfPoint(40, 780 - 20 * i), font);
        return builder.Build();
    }
}
