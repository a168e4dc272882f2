using System.Globalization;
using System.Text;

namespace SiteGen.Search.Format;

/// <summary>
/// One searchable character of a text, with where it stands in the original string, and whether punctuation
/// (or a symbol) stands between it and the unit before.
/// </summary>
internal readonly record struct Unit(string Text, int Start, int End, bool Break = false);

/// <summary>
/// The tokenizer both sides share (search.js mirrors it; tests/vectors/tokenizer.json holds both to it).
/// Text is normalised — full-width ASCII to half-width, A–Z lowercased — and every letter or digit,
/// Han or otherwise, is one unit. Punctuation and symbols are not units but a <b>break</b> between the units
/// on either side; white space (and any other character) is nothing at all. So 安经开〔2018〕 7号 and
/// 安经开〔2018〕7号 read the same, and 落实〈法治 does not read 落实法治: a query's units that stand side
/// by side match only units side by side in the text (see <see cref="Matches"/>).
/// </summary>
internal static class TextUnits
{
    public const string Name = "sitegen-char-2";

    /// <summary>Normalises one character (a Unicode scalar) the way both sides do.</summary>
    public static string NormalizeRune(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 0xFF01 and <= 0xFF5E) value -= 0xFEE0; // full-width ASCII
        else if (value == 0x3000) value = ' ';
        if (value is >= 'A' and <= 'Z') value += 32;
        return char.ConvertFromUtf32(value);
    }

    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes()) result.Append(NormalizeRune(rune));
        return result.ToString();
    }

    public static List<Unit> Split(string text)
    {
        var units = new List<Unit>();
        var (index, broken) = (0, false);
        foreach (var rune in text.EnumerateRunes())
        {
            var normalized = NormalizeRune(rune);
            var kind = KindOf(Rune.GetRuneAt(normalized, 0));
            if (kind == Kind.Unit)
            {
                units.Add(new Unit(normalized, index, index + rune.Utf16SequenceLength, broken && units.Count > 0));
                broken = false;
            }
            else if (kind == Kind.Break) broken = true;
            index += rune.Utf16SequenceLength;
        }
        return units;
    }

    /// <summary>Set on a code point from <see cref="CodePoints"/> when a break stands before it (code points fit in 21 bits).</summary>
    public const int BreakBefore = 1 << 30;

    /// <summary>
    /// The units of a text as normalised code points, each with <see cref="BreakBefore"/> set when punctuation
    /// stands between it and the unit before: what the index writer needs, without a string per unit.
    /// </summary>
    /// <param name="codes">Where they go, emptied first: a writer reuses one list a field from document to document.</param>
    public static void CodePoints(string text, List<int> codes)
    {
        codes.Clear();
        codes.EnsureCapacity(text.Length);
        var broken = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0xFF01 and <= 0xFF5E) value -= 0xFEE0;
            if (value is >= 'A' and <= 'Z') value += 32;
            if (value == 0x3000) continue;
            var kind = KindOf(new Rune(value));
            if (kind == Kind.Unit)
            {
                codes.Add(broken && codes.Count > 0 ? value | BreakBefore : value);
                broken = false;
            }
            else if (kind == Kind.Break) broken = true;
        }
    }

    /// <summary>
    /// Whether the text's units from <paramref name="at"/> on match the query's: the same units, and where the
    /// query has no break between two of them, none in the text either (a break in the query allows one or none).
    /// </summary>
    public static bool Matches(IReadOnlyList<Unit> text, int at, IReadOnlyList<Unit> query)
    {
        if (at + query.Count > text.Count) return false;
        for (var k = 0; k < query.Count; k++)
        {
            if (text[at + k].Text != query[k].Text) return false;
            if (k > 0 && text[at + k].Break && !query[k].Break) return false;
        }
        return true;
    }

    /// <summary>How many units a text has, without making them.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0xFF01 and <= 0xFF5E) value -= 0xFEE0;
            if (value != 0x3000 && KindOf(new Rune(value)) == Kind.Unit) count++;
        }
        return count;
    }

    private enum Kind { Unit, Break, Nothing }

    /// <summary>
    /// Letters (L*) and numbers (N*) are units, punctuation (P*) and symbols (S*) are breaks: the classes of
    /// /[\p{L}\p{N}]/u and /[\p{P}\p{S}]/u in JavaScript. White space, controls and format characters are nothing.
    /// </summary>
    private static Kind KindOf(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Kind.Unit,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => Kind.Break,
        _ => Kind.Nothing,
    };
}
