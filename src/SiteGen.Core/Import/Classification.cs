using System.Text.RegularExpressions;
using SiteGen.Import.Divisions;

namespace SiteGen.Import;

/// <summary>Document type, year covered and issuer level, read from the title and the issuer.</summary>
internal static partial class Classification
{
    /// <summary>
    /// The type by the title's wording (the contract in the README): a notice that issues 工作要点 is 工作要点;
    /// 情况报告/情况汇报/落实情况/工作情况 is 情况报告, even 年度…情况报告; a yearly 法治政府建设(年度/工作)报告 is
    /// 年度报告. Without a title, how the body names itself (现将…情况报告如下) decides.
    /// </summary>
    public static string DocType(string? title, string bodyOpening = "")
    {
        if (title is null) return StatusInBody().IsMatch(bodyOpening) ? "情况报告" : bodyOpening.Contains("年度报告") ? "年度报告" : "其他";
        title = Simplified(title);
        if (title.Contains("印发") && title.EndsWith("通知", StringComparison.Ordinal))
            return title.Contains("工作要点") || title.Contains("工作安排") ? "工作要点" : "通知";
        if (StatusReport().IsMatch(title)) return "情况报告";
        if (title.Contains("年度报告") || YearlyReport().IsMatch(title)) return "年度报告";
        if (title.Contains("工作要点") || title.Contains("工作安排")) return "工作要点";
        if (title.Contains("工作总结")) return "工作总结";
        if (title.EndsWith("通知", StringComparison.Ordinal)) return "通知";
        return "其他";
    }

    /// <summary>Traditional characters that the titles of these documents use, as simplified (北京市…建設年度情況報告).</summary>
    private static string Simplified(string text)
    {
        const string traditional = "報況設彙點總結關於發會議實與務區縣鎮書條標準規劃體進優續調";
        const string simplified = "报况设汇点总结关于发会议实与务区县镇书条标准规划体进优续调";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (traditional.IndexOf(chars[i]) is var at and >= 0) chars[i] = simplified[at];
        return new string(chars);
    }

    /// <summary>The year a document covers: from its title, else from its opening words, else the first year of a span the title names (实施方案(2022-2025年) → 2022).</summary>
    public static int? Year(string title, string bodyOpening)
    {
        foreach (var text in new[] { title, bodyOpening.Length > 200 ? bodyOpening[..200] : bodyOpening })
        {
            var withoutRanges = YearRange().Replace(text, "");
            var m = YearWord().Match(withoutRanges);
            if (m.Success) return int.Parse(m.Groups[1].Value);
        }
        return YearRange().Match(title) is { Success: true } span ? int.Parse(span.Value[..4]) : null;
    }

    /// <summary>
    /// A notice, a plan or another document that is not a report covers the year it is issued in: its 文号's
    /// year (鹤政发〔2025〕4号), else its date. A report's year is never guessed from its dates: it reports on the year before.
    /// </summary>
    public static int? IssueYear(string docType, string? docNumber, DateOnly? written)
    {
        if (docType is "年度报告" or "情况报告" or "工作总结") return null;
        return docNumber is not null && NumberYear().Match(docNumber) is { Success: true } m ? int.Parse(m.Groups[1].Value) : written?.Year;
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

    [GeneratedRegex("情况.{0,16}报告|情况汇报|落实情况|工作情况")]
    private static partial Regex StatusReport();

    // 法治政府建设工作报告, 法治政府建设报告, 法治政府建设的报告, 依法行政工作报告: the year's work reported.
    [GeneratedRegex("(法治政府建设|依法行政)(工作)?(的)?报告$")]
    private static partial Regex YearlyReport();

    [GeneratedRegex("现将.{0,40}?情况(报告|汇报)如下")]
    private static partial Regex StatusInBody();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})\s*年")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"[〔\[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]")]
    private static partial Regex NumberYear();

    [GeneratedRegex("开发区|高新区|经开区|高新技术产业|工业园|产业园|园区管委会|新区管委会")]
    private static partial Regex Zone();

    [GeneratedRegex("(街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府|镇|乡)$")]
    private static partial Regex Township();

    [GeneratedRegex("^[^、]*(人民政府|政府|行政公署|管理委员会|管委会)$")]
    private static partial Regex Government();
}
