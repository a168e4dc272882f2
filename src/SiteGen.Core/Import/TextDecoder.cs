using System.Buffers;
using System.Text;

namespace SiteGen.Import;

/// <summary>
/// Decodes a raw page's bytes: UTF-8 with or without BOM, UTF-16 (BOM, or the zero bytes that give it
/// away), or GB18030, the superset of GBK that many government files are saved in. Bytes that are
/// none of these — an image, a PDF, a Word file — are refused with a reason.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Decoded(string? Text, string Encoding, string? Error);

    public static Decoded Decode(byte[] bytes)
    {
        if (bytes.Length == 0) return new Decoded(null, "", "the file is empty");
        if (StartsWith(bytes, 0xEF, 0xBB, 0xBF)) return Strict(new UTF8Encoding(false, true), bytes, 3, "UTF-8");
        if (StartsWith(bytes, 0xFF, 0xFE)) return Strict(new UnicodeEncoding(false, false, true), bytes, 2, "UTF-16LE");
        if (StartsWith(bytes, 0xFE, 0xFF)) return Strict(new UnicodeEncoding(true, false, true), bytes, 2, "UTF-16BE");
        if (Signature(bytes) is { } kind) return new Decoded(null, "", $"not a text file ({kind})");
        if (LooksUtf16(bytes, out var bigEndian))
        {
            var utf16 = Strict(new UnicodeEncoding(bigEndian, false, true), bytes, 0, bigEndian ? "UTF-16BE" : "UTF-16LE");
            if (utf16.Text is not null) return utf16;
        }
        if (Array.IndexOf(bytes, (byte)0) >= 0) return new Decoded(null, "", "not a text file (binary data)");

        var utf8 = Strict(new UTF8Encoding(false, true), bytes, 0, "UTF-8");
        if (utf8.Text is not null) return utf8;
        var gb = Strict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, 0, "GB18030");
        return gb.Text is not null && LooksBig5(bytes, gb.Text)
            ? new Decoded(null, "Big5", "the text looks like Big5 (traditional Chinese), which read as GB18030 would be mojibake; save it as UTF-8 first")
            : gb;
    }

    // Characters common in any Chinese report and written alike in simplified and traditional script.
    private static readonly SearchValues<char> Common = SearchValues.Create(
        "的一是在不了有和人中大上以要他用生到作地出就分成可主年同工也能下子面而方多定行法所民得十三之家力如水高自理起小物本去性好合由其然前外天政四日事平形相全表重新内数正心明原又利比或但第向道此条只意建月公部度市省区府");

    /// <summary>
    /// Big5 bytes also decode as GB18030, into nonsense: a page read right is full of the commonest characters,
    /// the same page read wrong has few. Big5 wins only by a wide margin, so GBK text is never refused.
    /// </summary>
    private static bool LooksBig5(byte[] bytes, string asGb)
    {
        string big5;
        try { big5 = Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes); }
        catch (DecoderFallbackException) { return false; }
        static int Hits(string text) => text.Count(Common.Contains);
        return Hits(big5) >= 10 && Hits(big5) > 3 * Hits(asGb);
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
