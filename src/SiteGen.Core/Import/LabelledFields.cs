using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>The metadata fields pages label, and the labels each goes by.</summary>
internal enum Field
{
    Title, IndexNumber, Publisher, DateWritten, DatePublished, DocNumber, Keywords, Abstract, Source,
    /// <summary>Labels whose values are not kept (分类, 有效性, 访问量, 字号 …): the line is still metadata, not text.</summary>
    Ignored,
}

internal sealed record LabelledValue(Field Field, string Label, string Value);

/// <summary>
/// Finds "label: value" pairs in a line, in all the layouts seen on government sites: one or two
/// pairs a line, pipe-separated tables, labels spaced out as 索 引 号, full-width colons, a bare label
/// followed by a space at the start of a line, and empty values.
/// </summary>
internal static partial class LabelledFields
{
    private static readonly (Field Field, string[] Labels)[] Known =
    [
        (Field.Title, ["标题", "名称", "文件名称", "信息名称"]),
        (Field.IndexNumber, ["索引号", "索取号", "信息索引"]),
        (Field.Publisher, ["发布机构", "发文机关", "制发机构", "发布单位", "发布部门", "发文单位", "成文单位", "发布机关", "發布機構", "發文機關"]),
        (Field.DateWritten, ["成文日期", "成文时间"]),
        // A bare 时间/日期 on a metadata line (时间 : 2021-03-31 15:31:55 来源 : 本网) is the page's publication date.
        (Field.DatePublished, ["发布日期", "发布时间", "发文日期", "公开日期", "印发日期", "发文时间", "公开时间", "發布日期", "發布時間", "时间", "日期", "時間"]),
        (Field.DocNumber, ["发文字号", "文号"]),
        (Field.Keywords, ["主题词", "关键词", "关键字"]),
        (Field.Abstract, ["内容概述", "内容摘要", "摘要"]),
        (Field.Source, ["信息来源", "稿件来源", "文章来源", "来源", "來源"]),
        (Field.Ignored, ["主题分类", "组配分类", "体裁分类", "公文种类", "公文类别", "分类", "文件有效性", "有效性", "效力状态", "时效性",
            "访问量", "浏览量", "浏览次数", "阅读次数", "点击数", "点击量", "访问次数", "编辑", "责任编辑", "作者",
            "字号", "字体", "字体大小", "公开方式", "公开范围", "公开形式", "生成日期", "所属机构"]),
    ];

    /// <summary>Values that sites print in place of an empty field.</summary>
    private static readonly HashSet<string> Placeholders = ["-", "--", "—", "无", "暂无", "信息补充中", "未知", "/", "null"];

    public static IReadOnlyList<LabelledValue> Find(string line)
    {
        line = Unbracketed(line);
        var matches = LabelPattern().Matches(line).Where(m => IsLabelAt(line, m)).ToList();
        var found = new List<LabelledValue>();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var end = i + 1 < matches.Count ? matches[i + 1].Index : line.Length;
            var value = line[(m.Index + m.Length)..end].Trim().Trim('|', '｜').Trim();
            var label = Spaces().Replace(m.Groups["label"].Value, "");
            found.Add(new LabelledValue(FieldOf(label), label, Placeholders.Contains(value) ? "" : value));
        }
        return found;
    }

    /// <summary>True when the line is nothing but labelled pairs (so it is metadata, not report text).</summary>
    public static bool IsMetadataLine(string line, IReadOnlyList<LabelledValue> found)
    {
        line = Unbracketed(line);
        return found.Count > 0 && LabelPattern().Match(line) is { Success: true } first && line[..first.Index].Trim().Trim('|', '｜').Length == 0;
    }

    /// <summary>[ 发布日期 ] 2026-02-10 as 发布日期：2026-02-10, for known labels only.</summary>
    private static string Unbracketed(string line) => !line.Contains('[') && !line.Contains('【') && !line.Contains('［') ? line :
        BracketedLabel().Replace(line, m => Known.Any(k => k.Labels.Contains(Spaces().Replace(m.Groups["label"].Value, "")))
            ? m.Groups["label"].Value + "：" : m.Value);

    private static Field FieldOf(string label) => Known.First(k => k.Labels.Contains(label)).Field;

    // A bare label (no colon) counts at the start of a line or after a table bar, followed by a space; a bare
    // date label also after a space, when a date follows it (作者: 发布时间 2025年09月05日 点击数:).
    private static bool IsLabelAt(string line, Match m)
    {
        if (m.Groups["colon"].Success) return true;
        var before = line[..m.Index].TrimEnd();
        if (before.Length == 0 || before.EndsWith('|') || before.EndsWith('｜')) return true;
        var label = Spaces().Replace(m.Groups["label"].Value, "");
        return FieldOf(label) is Field.DatePublished or Field.DateWritten && line.Length > m.Index + m.Length
            && char.IsAsciiDigit(line[m.Index + m.Length]) && char.IsWhiteSpace(line[m.Index - 1]);
    }

    // [ 发布日期 ] 2026-02-10 and 【发布日期】2026-02-10: a label in brackets, read as 发布日期：.
    [GeneratedRegex(@"[\[［【]\s*(?<label>[\p{IsCJKUnifiedIdeographs}][\p{IsCJKUnifiedIdeographs} \u3000]{1,10}?)\s*[\]］】]\s*[:：]?")]
    private static partial Regex BracketedLabel();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static Regex LabelPattern() => Pattern.Value;

    private static readonly Lazy<Regex> Pattern = new(() =>
    {
        // Longest labels first, so 发布时间 wins over 时间 and 文件名称 over 名称; each character may be spaced out.
        var labels = Known.SelectMany(k => k.Labels).OrderByDescending(l => l.Length)
            .Select(l => string.Join(@"[ \t\u3000]*", l.Select(c => Regex.Escape(c.ToString()))));
        return new Regex(@"(?<label>" + string.Join("|", labels) + @")(?:[ \t\u3000]*(?<colon>[:：])|[ \t\u3000]+(?=\S))",
            RegexOptions.Compiled);
    });
}
