using System.Buffers;
using System.Text;

namespace SiteGen.Diagnostics;

/// <summary>
/// Characters no report text may hold: C0 and C1 controls other than tab and line feed, DEL, Unicode
/// noncharacters and unpaired surrogates. Pasted from Word or a broken scrape, or written as YAML escapes
/// ("\e[2J"), they would corrupt pages, feed and index, and echoed in a message they can clear an editor's
/// screen; so they are refused in content and escaped wherever SiteGen prints text it was given.
/// </summary>
internal static class ControlCharacters
{
    public static bool IsForbidden(int codePoint) =>
        codePoint < 0x20 ? codePoint is not ('\t' or '\n')
            : codePoint is 0x7F or (>= 0x80 and <= 0x9F) or (>= 0xFDD0 and <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>
    /// Each forbidden character of <paramref name="text"/> in order (an unpaired surrogate counts as one): where
    /// it is, how many UTF-16 units it takes, and its code point. One scan serves the report check, front matter
    /// values and the importer.
    /// </summary>
    public static IEnumerable<(int Index, int Length, int CodePoint)> Find(string text) => Scan(text, Candidates, IsForbidden);

    /// <summary>The first forbidden character of <paramref name="text"/> and its index, if any.</summary>
    public static (int CodePoint, int Index)? First(string text) =>
        Find(text).Select(found => ((int, int)?)(found.CodePoint, found.Index)).FirstOrDefault();

    /// <summary>
    /// <paramref name="text"/> without its forbidden characters, and how many there were: what the importer does
    /// with a scrape's invisible junk. Normalise line breaks first, or a carriage return goes too.
    /// </summary>
    public static string Remove(string text, out int removed)
    {
        var found = Find(text).ToList();
        removed = found.Count;
        return found.Count == 0 ? text : Rebuild(text, found, _ => "");
    }

    /// <summary>Text safe to print on a terminal on one line: forbidden characters, tab and line breaks as \uXXXX.</summary>
    public static string Escape(string text)
    {
        var found = Scan(text, Unprintable, code => code < 0x20 || code is 0x2028 or 0x2029 || IsForbidden(code)).ToList();
        return found.Count == 0 ? text : Rebuild(text, found, code => $"\\u{code:X4}");
    }

    // Every UTF-16 unit that may begin a forbidden character: the scan jumps from one to the next (vectorised), so
    // the text of an archive is checked at memory speed. Surrogates stand for the noncharacters of the other planes.
    private static readonly SearchValues<char> Candidates = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Where(c => c is not ('\t' or '\n') and (< 0x20 or (>= 0x7F and <= 0x9F) or (>= 0xD800 and <= 0xDFFF) or (>= 0xFDD0 and <= 0xFDEF) or >= 0xFFFE))
            .Select(c => (char)c).ToArray());

    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Where(c => c < 0x20 || c is (>= 0x7F and <= 0x9F) or 0x2028 or 0x2029 or (>= 0xD800 and <= 0xDFFF) or (>= 0xFDD0 and <= 0xFDEF) or >= 0xFFFE)
            .Select(c => (char)c).ToArray());

    private static IEnumerable<(int Index, int Length, int CodePoint)> Scan(string text, SearchValues<char> candidates, Func<int, bool> matches)
    {
        for (var i = 0; i < text.Length;)
        {
            var next = text.AsSpan(i).IndexOfAny(candidates);
            if (next < 0) yield break;
            i += next;
            var whole = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) == OperationStatus.Done;
            var code = whole ? rune.Value : text[i];
            if (!whole) length = 1;
            if (!whole || matches(code)) yield return (i, length, code);
            i += length;
        }
    }

    private static string Rebuild(string text, IReadOnlyList<(int Index, int Length, int CodePoint)> found, Func<int, string> replacement)
    {
        var builder = new StringBuilder(text.Length + 8 * found.Count);
        var at = 0;
        foreach (var (index, length, code) in found)
        {
            builder.Append(text, at, index - at).Append(replacement(code));
            at = index + length;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }
}
