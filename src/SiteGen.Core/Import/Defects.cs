using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>
/// Finds damage in a copied text — a start cut off mid-sentence, missing sections, paragraphs run
/// together, dropped characters, a missing end — and describes it. Nothing is repaired: the archive
/// shows readers what is wrong instead of guessing.
/// </summary>
internal static partial class Defects
{
    public static IEnumerable<string> Find(IReadOnlyList<string> paragraphs, Signature? signature)
    {
        if (paragraphs.Count == 0)
        {
            yield return "正文为空：未找到报告正文。";
            yield break;
        }
        var all = string.Join("\n", paragraphs);

        if (CutOffStart(paragraphs[0]) is { } start)
            yield return $"开头残缺：正文从句中“{start}”开始，前面的内容缺失。";

        var firstSection = FirstSection().Match(all);
        if (firstSection.Success && firstSection.Groups[1].Value != "一")
            yield return $"正文从“{firstSection.Groups[1].Value}、”部分开始，之前的部分缺失。";

        var runTogether = paragraphs.Sum(p => p.Length > 600 ? InnerMarker().Matches(p).Count : 0);
        if (runTogether >= 2)
            yield return $"段落粘连：原文有约 {runTogether} 处段落或标题连在同一行，未作拆分。";

        foreach (var text in Distinct(YearRangeWithoutDash().Matches(all)))
            yield return $"年份区间缺少连接号：“{text}”。";
        foreach (var text in Distinct(RunTogetherDate().Matches(all)))
            yield return $"日期缺字：“{text}”。";
        foreach (var text in Distinct(BrokenDocNumber().Matches(all)))
            yield return $"文号缺字或括号不配对：“{text}”。";
        foreach (var date in DateText.All(all).Where(d => d.MissingDayMark))
            yield return $"日期缺少“日”字：“{all.Substring(date.Index, date.Length).Trim()}”。";

        var last = paragraphs[^1].TrimEnd();
        if (signature is null)
            yield return EndsSentence().IsMatch(last)
                ? "未找到落款：原文末尾没有发文机关和成文日期。"
                : $"结尾残缺：正文在句中结束（“…{Tail(last)}”），落款缺失。";
        else if (signature.Date?.MissingDayMark == true)
            yield return "落款日期缺少“日”字。";
    }

    private static string? CutOffStart(string first)
    {
        var text = first.TrimStart('#', ' ');
        if (text.Length == 0) return null;
        if (char.IsPunctuation(text[0]) && text[0] is not ('（' or '(' or '“' or '《' or '【'))
            return Head(text);
        // "2,850,480次。二是…": a number and a few characters ending a sentence that began elsewhere.
        var stop = text.IndexOf('。');
        if (char.IsDigit(text[0]) && stop is > 0 and < 12 && !text[..stop].Contains('年'))
            return text[..(stop + 1)];
        return null;
    }

    private static string Head(string text) => text.Length <= 12 ? text : text[..12] + "…";
    private static string Tail(string text) => text.Length <= 12 ? text : text[^12..];

    private static IEnumerable<string> Distinct(MatchCollection matches) =>
        matches.Select(m => m.Value).Distinct();

    [GeneratedRegex(@"(?:^|[。；\n])\s*#*\s*([一二三四五六七八九十]+)、")]
    private static partial Regex FirstSection();

    // Section numbers inside a line (…。六、… or …。(一)…); 一是/二是 inside a paragraph are ordinary style.
    [GeneratedRegex(@"[。；](?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")]
    private static partial Regex InnerMarker();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?:19|20)\d{2}年")]
    private static partial Regex YearRangeWithoutDash();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{3,4}日")]
    private static partial Regex RunTogetherDate();

    [GeneratedRegex(@"〔\d{5,}[〕\]］]|〔\d{1,3}[〕\]］]|〔\d{4}[\]］]|[\[［]\d{4}〕")]
    private static partial Regex BrokenDocNumber();

    /// <summary>Text that ends as a sentence does.</summary>
    [GeneratedRegex(@"[。！？!?”」）)]$")]
    internal static partial Regex EndsSentence();
}
