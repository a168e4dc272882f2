using System.Globalization;
using System.Text;

namespace SiteGen.Search;

/// <summary>One searchable character of a text, with where it stands in the original string.</summary>
public readonly record struct Unit(string Text, int Start, int End);

/// <summary>
/// The tokenizer both sides share (search.js mirrors it; tests/vectors/tokenizer.json holds both to it).
/// Text is normalised — full-width ASCII to half-width, A–Z lowercased — and every letter or digit,
/// Han or otherwise, is one unit; punctuation, symbols and whitespace are not units, so
/// 安经开〔2018〕 7号 and 安经开〔2018〕7号 read the same. A query matches where its units stand in a
/// row, which finds exactly what Ctrl+F finds, apart from punctuation and spacing.
/// </summary>
public static class TextUnits
{
    public const string Name = "sitegen-char-1";

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
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var normalized = NormalizeRune(rune);
            if (IsUnit(Rune.GetRuneAt(normalized, 0))) units.Add(new Unit(normalized, index, index + rune.Utf16SequenceLength));
            index += rune.Utf16SequenceLength;
        }
        return units;
    }

    /// <summary>The units of a text as normalised code points: what the index writer needs, without a string per unit.</summary>
    public static List<int> CodePoints(string text)
    {
        var codes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0xFF01 and <= 0xFF5E) value -= 0xFEE0;
            if (value is >= 'A' and <= 'Z') value += 32;
            if (value != 0x3000 && IsUnit(new Rune(value))) codes.Add(value);
        }
        return codes;
    }

    /// <summary>How many units a text has, without making them.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0xFF01 and <= 0xFF5E) value -= 0xFEE0;
            if (value != 0x3000 && IsUnit(new Rune(value))) count++;
        }
        return count;
    }

    /// <summary>Letters (L*) and numbers (N*): the same classes as /[\p{L}\p{N}]/u in JavaScript.</summary>
    public static bool IsUnit(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
