using System.Text.RegularExpressions;
using SiteGen.Import.Divisions;

namespace SiteGen.Import;

/// <summary>Document type, year covered and issuer level, read from the title and the issuer.</summary>
public static partial class Classification
{
    public static string DocType(string title)
    {
        if (title.Contains("印发") && title.EndsWith("通知", StringComparison.Ordinal)) return "通知";
        if (title.Contains("年度报告")) return "年度报告";
        if (StatusReport().IsMatch(title)) return "情况报告";
        if (title.Contains("工作要点") || title.Contains("工作安排")) return "工作要点";
        if (title.Contains("工作总结")) return "工作总结";
        if (title.EndsWith("通知", StringComparison.Ordinal)) return "通知";
        return "其他";
    }

    /// <summary>The year a document covers: from its title, else from its opening words.</summary>
    public static int? Year(string title, string bodyOpening)
    {
        foreach (var text in new[] { title, bodyOpening.Length > 200 ? bodyOpening[..200] : bodyOpening })
        {
            var withoutRanges = YearRange().Replace(text, "");
            var m = YearWord().Match(withoutRanges);
            if (m.Success) return int.Parse(m.Groups[1].Value);
        }
        return null;
    }

    /// <summary>省级/市级/县级 for a government itself, 开发区, 乡镇街道, else 部门 for its offices and bureaus.</summary>
    public static string? Level(string? issuer, Division? unit)
    {
        if (string.IsNullOrWhiteSpace(issuer)) return null;
        if (Zone().IsMatch(issuer)) return "开发区";
        if (Township().IsMatch(issuer)) return "乡镇街道";
        if (Government().IsMatch(issuer) && unit is not null)
            return unit.Level switch { 1 => "省级", 2 => "市级", 3 => "县级", _ => "乡镇街道" };
        return "部门";
    }

    [GeneratedRegex("情况报告|情况的报告|工作情况|情况汇报|工作报告")]
    private static partial Regex StatusReport();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})\s*年")]
    private static partial Regex YearWord();

    [GeneratedRegex("开发区|高新区|经开区|高新技术产业|工业园|产业园|园区管委会|新区管委会")]
    private static partial Regex Zone();

    [GeneratedRegex("(街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府|镇|乡)$")]
    private static partial Regex Township();

    [GeneratedRegex("^[^、]*(人民政府|政府|行政公署|管理委员会|管委会)$")]
    private static partial Regex Government();
}
