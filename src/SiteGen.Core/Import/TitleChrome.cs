using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>
/// What a scrape glues onto a title line: a bullet, a label and its date (发布时间: 2026-02-24- 标题:), the value
/// of a 文件有效性 box, a column name (政府信息公开, 区内新闻), the site's name repeated before the issuer's
/// (中华人民共和国司法部司法部…, 宝安区深圳市宝安区…), a 文号 in brackets, a date in brackets after it.
/// Taken off, rule by rule, until none applies; what is left is the document's own title.
/// </summary>
internal static partial class TitleChrome
{
    public static string Strip(string line)
    {
        var title = line.Trim();
        for (var changed = true; changed;)
        {
            var before = title;
            if (Labelled().Match(title) is { Success: true } labelled) title = labelled.Groups["title"].Value;
            title = LeadingChrome().Replace(title, "");
            title = TrailingDate().Replace(title, "");
            if (RepeatedPlace().Match(title) is { Success: true } place) title = title[place.Length..];
            if (RepeatedOrgan().Match(title) is { Success: true } organ) title = title[organ.Groups["site"].Length..];
            title = title.Trim();
            changed = title != before;
        }
        return title;
    }

    /// <summary>The 文号 a page printed in brackets before the title ([天政发〔2026〕7号]天水市人民政府关于…).</summary>
    public static string? DocNumberBefore(string line) =>
        BracketedDocNumber().Match(line) is { Success: true } m ? m.Groups["number"].Value : null;

    [GeneratedRegex(@"[\[［【](?<number>[\p{IsCJKUnifiedIdeographs}]{1,12}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*\d+\s*号)[\]］】]")]
    private static partial Regex BracketedDocNumber();

    /// <summary>The date a scrape printed after the title (…情况报告 (2024-02-26)): the page's date.</summary>
    public static DateOnly? DateAfter(string line) =>
        TrailingDate().Match(line.Trim()) is { Success: true } m ? DateText.First(m.Value)?.Date : null;

    // 标题: [天政发〔2026〕7号]天水市人民政府关于… — the rest of the line after a 标题 label, without a leading 文号.
    [GeneratedRegex(@"(?:^|[\s\-–—])标\s*题\s*[:：]\s*(?:[\[［【][^\]］】]{2,30}[\]］】])?\s*(?<title>.+)$")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"^(?:[•·\-–—*>]+\s*|[\[［【(（]?\s*(?:发布日期|发布时间|成文日期|时间|日期)\s*[\]］】)）]?\s*[:：]?\s*(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?[\s\-–—]*|(?:文件)?有效性\s*[:：]?\s*(?:有效|失效)?|有效(?=[\p{IsCJKUnifiedIdeographs}])|政府信息公开|信息公开|区内新闻|工作动态|通知公告|政策文件|[\[［【][^\]］】]{1,20}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*\d+\s*号[\]］】])")]
    private static partial Regex LeadingChrome();

    [GeneratedRegex(@"\s*[\[［【(（]\s*(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\s*[\]］】)）]\s*$|\s*[•·]\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*$")]
    private static partial Regex TrailingDate();

    // 宝安区深圳市宝安区西乡街道办事处… — a place name (the site's) before the issuer's full name that holds it again.
    [GeneratedRegex(@"^(?<place>[\p{IsCJKUnifiedIdeographs}]{2,8}?[省市区县])(?=[\p{IsCJKUnifiedIdeographs}]{1,6}[省市]\k<place>)")]
    private static partial Regex RepeatedPlace();

    // 中华人民共和国司法部司法部… — the site's name, ending in the organ the title then names again.
    [GeneratedRegex(@"^(?<site>[\p{IsCJKUnifiedIdeographs}]{0,12}?(?<organ>[\p{IsCJKUnifiedIdeographs}]{1,4}[部局厅委]))\k<organ>")]
    private static partial Regex RepeatedOrgan();
}
