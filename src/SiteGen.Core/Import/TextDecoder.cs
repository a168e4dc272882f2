using System.Text;

namespace SiteGen.Import;

/// <summary>
/// Decodes a raw page's bytes: UTF-8 with or without BOM, UTF-16 (BOM, or the zero bytes that give it
/// away), or GB18030, the superset of GBK that many government files are saved in. Bytes that are
/// none of these — an image, a PDF, a Word file — are refused with a reason.
/// </summary>
internal static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Decoded(string? Text, string Encoding, string? Error);

    public static Decoded Decode(byte[] bytes)
    {
        if (bytes.Length == 0) return new Decoded(null, "", "the file is empty");
        if (StartsWith(bytes, 0xEF, 0xBB, 0xBF)) return Strict(new UTF8Encoding(false, true), bytes, 3, "UTF-8");
        if (StartsWith(bytes, 0xFF, 0xFE)) return Strict(new UnicodeEncoding(false, false, true), bytes, 2, "UTF-16LE");
        if (StartsWith(bytes, 0xFE, 0xFF)) return Strict(new UnicodeEncoding(true, false, true), bytes, 2, "UTF-16BE");
        if (Attachments.Read(bytes) is { } attachment) return attachment;
        if (Signature(bytes) is { } kind) return new Decoded(null, "", $"not a text file ({kind})");
        if (LooksUtf16(bytes, out var bigEndian))
        {
            var utf16 = Strict(new UnicodeEncoding(bigEndian, false, true), bytes, 0, bigEndian ? "UTF-16BE" : "UTF-16LE");
            if (utf16.Text is not null) return utf16;
        }
        if (Array.IndexOf(bytes, (byte)0) >= 0) return new Decoded(null, "", "not a text file (binary data)");

        var utf8 = Strict(new UTF8Encoding(false, true), bytes, 0, "UTF-8");
        if (utf8.Text is not null) return utf8;
        // Big5 bytes also decode as GB18030, into nonsense: UTF.Unknown (Mozilla's detector) tells them apart.
        if (UtfUnknown.CharsetDetector.DetectFromBytes(bytes).Detected is { Confidence: >= 0.5f } detected
            && detected.EncodingName.StartsWith("big5", StringComparison.OrdinalIgnoreCase))
        {
            var big5 = Strict(Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, 0, "Big5");
            if (big5.Text is not null) return big5;
        }
        return Strict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, 0, "GB18030");
    }

    private static Decoded Strict(Encoding encoding, byte[] bytes, int skip, string name)
    {
        try
        {
            var text = encoding.GetString(bytes, skip, bytes.Length - skip);
            var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
            return control > text.Length / 100 + 2
                ? new Decoded(null, name, "not a text file (control characters)")
                : new Decoded(text, name, null);
        }
        catch (DecoderFallbackException)
        {
            return new Decoded(null, name, $"not valid {name} text");
        }
    }

    private static bool LooksUtf16(byte[] bytes, out bool bigEndian)
    {
        var sample = Math.Min(bytes.Length & ~1, 4096);
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        var pairs = Math.Max(sample / 2, 1);
        bigEndian = evenZeros > oddZeros;
        // Chinese UTF-16 has few zero bytes, but any ASCII (digits, line ends) puts them all on one side.
        return Math.Max(evenZeros, oddZeros) * 20 >= pairs && Math.Min(evenZeros, oddZeros) == 0;
    }

    private static string? Signature(byte[] bytes) =>
        StartsWith(bytes, 0x25, 0x50, 0x44, 0x46) ? "PDF" :
        StartsWith(bytes, 0x50, 0x4B, 0x03, 0x04) ? "zip or Office document" :
        StartsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0) ? "old Office document" :
        StartsWith(bytes, 0x89, 0x50, 0x4E, 0x47) ? "PNG image" :
        StartsWith(bytes, 0xFF, 0xD8, 0xFF) ? "JPEG image" :
        StartsWith(bytes, 0x47, 0x49, 0x46, 0x38) ? "GIF image" : null;

    private static bool StartsWith(byte[] bytes, params byte[] prefix) =>
        bytes.Length >= prefix.Length && bytes.AsSpan(0, prefix.Length).SequenceEqual(prefix);
}
