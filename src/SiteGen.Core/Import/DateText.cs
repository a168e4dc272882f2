using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>A date found in text, with whether its day lacked the closing 日 (a dropped character).</summary>
internal sealed record FoundDate(DateOnly Date, int Index, int Length, bool MissingDayMark);

/// <summary>
/// Reads dates as government pages write them: 2022-02-23 14:58:44, 2021/03/29, 2022年01月24日,
/// 2023年03月30日 09时24分, and 二〇二二年一月二十日 in signature blocks.
/// </summary>
internal static partial class DateText
{
    public static FoundDate? First(string text) => All(text).FirstOrDefault();

    public static IEnumerable<FoundDate> All(string text)
    {
        foreach (Match m in NumericDate().Matches(text))
        {
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } date)
                yield return new FoundDate(date, m.Index, m.Length,
                    m.Groups["sep"].Value.Contains('年') && !m.Groups["end"].Value.Contains('日') && !m.Groups["end"].Value.Contains('号'));
        }
        foreach (Match m in HanDate().Matches(text))
        {
            var year = HanDigits(m.Groups["y"].Value);
            var month = HanNumber(m.Groups["m"].Value);
            var day = HanNumber(m.Groups["d"].Value);
            if (year is not null && month is not null && day is not null && Make(year, month.Value.ToString(), day.Value.ToString()) is { } date)
                yield return new FoundDate(date, m.Index, m.Length, false);
        }
    }

    /// <summary>True when the whole line is a date, possibly with a time or a word such as 印发.</summary>
    public static bool IsDateLine(string line) =>
        First(line) is { } found && found.Index <= 1 && DateLineTail().IsMatch(line[(found.Index + found.Length)..]);

    private static DateOnly? Make(string year, string month, string day) =>
        int.TryParse(year, out var y) && int.TryParse(month, out var mo) && int.TryParse(day, out var d)
        && y is >= 1949 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)
            ? new DateOnly(y, mo, d)
            : null;

    private const string HanDigitChars = "〇零○Ｏ一二三四五六七八九";

    private static string? HanDigits(string text)
    {
        var digits = text.Select(c => HanDigitChars.IndexOf(c) switch { < 0 => -1, <= 3 => 0, var i => i - 3 }).ToList();
        return digits.Any(d => d < 0) ? null : string.Concat(digits);
    }

    private static int? HanNumber(string text)
    {
        if (text.Length == 0) return null;
        var tens = text.IndexOf('十');
        if (tens < 0) return HanDigits(text) is { } d ? int.Parse(d) : null;
        var high = tens == 0 ? 1 : HanNumber(text[..tens]);
        var low = tens == text.Length - 1 ? 0 : HanNumber(text[(tens + 1)..]);
        return high is null || low is null ? null : high * 10 + low;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>(19|20)\d{2})\s*(?<sep>[-/.年])\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})(?!\d)(?<end>\s*[日号]?)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<y>[〇零○Ｏ一二三四五六七八九]{4})年(?<m>[一二三四五六七八九十]{1,2})月(?<d>[一二三四五六七八九十]{1,3})日")]
    private static partial Regex HanDate();

    [GeneratedRegex(@"^\s*(\d{1,2}[:：时]\d{1,2}([:：分]\d{1,2}秒?)?分?)?\s*(印发|发布|制发)?\s*$")]
    private static partial Regex DateLineTail();
}
