using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>
/// Recognises website chrome: the navigation, breadcrumbs, weather, font-size switches, share and
/// print prompts, counters, copyright, ICP and 公网安备 lines, 主办/承办/技术支持 footers and search
/// boxes that surround a document on a government page.
/// </summary>
internal static partial class Chrome
{
    /// <summary>True when the whole line is chrome.</summary>
    public static bool IsChrome(string line)
    {
        var text = line.Trim();
        // Chrome is short; long lines are prose (chrome glued onto prose is cut by CutTrailing).
        if (text.Length == 0 || text.Length > MaxChromeLine) return false;
        if (PunctuationOnly().IsMatch(text)) return true;
        if (Patterns().IsMatch(text)) return true;
        if (NavigationBar(text)) return true;
        return CategoryWords.Contains(text);
    }

    /// <summary>
    /// Cuts chrome that a scrape glued onto the end of a line of text ("…2024年1月8日 分享到:微信扫一扫…").
    /// Returns the text before it, or the line unchanged.
    /// </summary>
    public static string CutTrailing(string line)
    {
        var m = TrailingMarker().Match(line);
        return m.Success && m.Index > 0 ? line[..m.Index].TrimEnd() : line;
    }

    private const int MaxChromeLine = 300;

    // Section names a page prints above the document, alone on a line.
    private static readonly HashSet<string> CategoryWords =
        ["政策", "政策文件", "政府文件", "通知公告", "工作动态", "信息公开", "法治政府建设", "正文", "返回顶部", "返回", "关闭", "打印", "收藏", "纠错"];

    // A bar of three or more short items: 领导之窗 | 区长信箱 | 网站地图
    private static bool NavigationBar(string text)
    {
        var items = text.Split(['|', '｜', '·'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return items.Length >= 3 && items.All(i => i.Length <= 12 && !i.Contains('。') && !i.Contains('，'));
    }

    [GeneratedRegex(@"^[\p{P}\p{S}\s]+$")]
    private static partial Regex PunctuationOnly();

    [GeneratedRegex(
        @"^(您现在的位置|您当前的位置|您当前所在位置|您所在的位置|当前所在位置|当前位置|您的位置|所在位置|首页\s*[>＞»]|首页\s*$|[>＞»]\s*\S+\s*[>＞»])" +
        @"|^天气[:：]|今天是\s*\d{4}\s*年|星期[一二三四五六日天]\s*$" +
        @"|字号[:：]?\s*[【\[(（]?\s*大|【\s*大\s*】|\[\s*大\s*\]|字体[:：]?\s*大\s*中\s*小" +
        @"|^分享(到)?\s*[:：]?|扫一扫|^打印(本页|全文|此页)?\s*$|【\s*打印\s*】|【\s*关闭\s*】|^关闭(窗口|本页)\s*$|^分享\s*打印" +
        @"|访问量\s*[:：]|浏览量\s*[:：]|浏览次数|阅读次数|点击[数量率]\s*[:：]|您是第\s*\d*\s*位访客|访客数|网站浏览量" +
        @"|Copyright|版权所有|©|ICP\s*备|ICP证|公网安备|网站标识码|网站备案" +
        @"|^主办单?位?\s*[:：]|^承办单?位?\s*[:：]|主办\s*[:：]|承办\s*[:：]|技术支持\s*[:：]|^\S{2,20}(主办|承办)\s*$|\S{2,30}主办\s+\S{2,30}承办|建议使用.{0,20}浏览器|分辨率" +
        @"|^网站地图|^联系我们|^无障碍|^长者助手|^手机版\s*$|网站支持IPv6" +
        @"|搜索\s*[:：]?\s*$|^搜\s*索$|请输入(关键[字词]|搜索)|^高级检索" +
        @"|^相关(附件|稿件|链接|文章|阅读|新闻)\s*[:：]?|^上一篇\s*[:：]|^下一篇\s*[:：]|^【?(收藏|纠错)】?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Patterns();

    [GeneratedRegex(@"\s*(分享到\s*[:：]|分享\s*[:：]|微信扫一扫|扫一扫在手机|【\s*打印\s*】|打印本页|【\s*关闭\s*】|关闭窗口)")]
    private static partial Regex TrailingMarker();
}
