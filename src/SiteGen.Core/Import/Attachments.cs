using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace SiteGen.Import;

/// <summary>
/// The text of the files governments attach their reports as: a PDF with a text layer (PdfPig), in reading
/// order page by page, and a Word .docx (Open XML SDK), paragraph by paragraph, so headings and paragraphs stay
/// lines as the importer expects. A scanned PDF (no text), a legacy .doc and a damaged file are refused with the reason.
/// </summary>
internal static class Attachments
{
    /// <summary>The text of a PDF or Word file, a refusal with its reason, or null when the bytes are neither.</summary>
    public static TextDecoder.Decoded? Read(byte[] bytes)
    {
        if (StartsWith(bytes, "%PDF"u8)) return Pdf(bytes);
        if (StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0]))
            return Refused("a legacy Word or Office file (.doc); open it and save it as .docx or PDF first");
        if (StartsWith(bytes, "PK\u0003\u0004"u8)) return Docx(bytes);
        return null;
    }

    private static TextDecoder.Decoded Pdf(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            var pages = document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)).ToList();
            var text = string.Join("\n", pages).Replace("\r\n", "\n");
            return text.Any(char.IsLetterOrDigit)
                ? new TextDecoder.Decoded(text, "PDF", null)
                : Refused($"a PDF without a text layer ({pages.Count} page(s), scanned images?); it needs OCR first");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Refused($"not a readable PDF ({e.Message})");
        }
    }

    private static TextDecoder.Decoded Docx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null) return Refused("a zip or Office file that is not a Word document");
            var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
            return text.Any(char.IsLetterOrDigit) ? new TextDecoder.Decoded(text, "DOCX", null) : Refused("a Word document without text");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Refused("a zip or Office file that is not a readable Word document (.docx)");
        }
    }

    private static TextDecoder.Decoded Refused(string reason) => new(null, "", reason);

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);
}
