using System.Text;

namespace SiteGen.Diagnostics;

/// <summary>
/// Characters no report text may hold: C0 and C1 controls other than tab and line feed, DEL, Unicode
/// noncharacters and unpaired surrogates. Pasted from Word or a broken scrape, or written as YAML escapes
/// ("\e[2J"), they would corrupt pages, feed and index, and echoed in a message they can clear an editor's
/// screen; so they are refused in content and escaped wherever SiteGen prints text it was given.
/// </summary>
public static class ControlCharacters
{
    public static bool IsForbidden(int codePoint) =>
        codePoint < 0x20 ? codePoint is not ('\t' or '\n')
            : codePoint is 0x7F or (>= 0x80 and <= 0x9F) or (>= 0xFDD0 and <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>The first forbidden character of <paramref name="text"/> (an unpaired surrogate counts as one) and its index, if any.</summary>
    public static (int CodePoint, int Index)? First(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != System.Buffers.OperationStatus.Done)
                return (text[i], i);
            if (IsForbidden(rune.Value)) return (rune.Value, i);
            i += length;
        }
        return null;
    }

    /// <summary>
    /// <paramref name="text"/> without its forbidden characters, and how many there were: what the importer does
    /// with a scrape's invisible junk. Normalise line breaks first, or a carriage return goes too.
    /// </summary>
    public static string Remove(string text, out int removed)
    {
        var builder = new StringBuilder(text.Length);
        removed = 0;
        for (var i = 0; i < text.Length;)
        {
            var ok = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) == System.Buffers.OperationStatus.Done;
            if (!ok || IsForbidden(rune.Value)) removed++;
            else builder.Append(text, i, length);
            i += ok ? length : 1;
        }
        return removed == 0 ? text : builder.ToString();
    }

    /// <summary>Text safe to print on a terminal on one line: forbidden characters, tab and line breaks as \uXXXX.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(c => c < 0x20 || c is '\u007F' or (>= '\u0080' and <= '\u009F') or '\u2028' or '\u2029' || char.IsSurrogate(c) || c >= '\uFDD0'))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length;)
        {
            var ok = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) == System.Buffers.OperationStatus.Done;
            var value = ok ? rune.Value : text[i];
            if (!ok || value < 0x20 || value is 0x2028 or 0x2029 || IsForbidden(value)) builder.Append($"\\u{value:X4}");
            else builder.Append(text, i, length);
            i += ok ? length : 1;
        }
        return builder.ToString();
    }
}
