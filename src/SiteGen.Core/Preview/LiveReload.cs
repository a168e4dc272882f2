using System.Net;
using System.Text;

namespace SiteGen.Preview;

/// <summary>
/// The preview's live reload: a script added to HTML as it is served (never written into the site)
/// that listens for build versions on a server-sent event stream and reloads when one differs from
/// the version the page was served at. Also the page shown while the latest build has failed.
/// </summary>
internal static class LiveReload
{
    public const string ScriptPath = "/__sitegen/reload.js";
    public const string EventsPath = "/__sitegen/events";

    public const string Script = """
        (function () {
          "use strict";
          var me = document.currentScript, served = me && me.getAttribute("data-version");
          var events = new EventSource("/__sitegen/events");
          events.onmessage = function (e) { if (e.data !== served) location.reload(); };
        })();
        """;

    public static string Tag(int version) => $"<script src=\"{ScriptPath}\" data-version=\"{version}\"></script>";

    /// <summary>Adds the reload script before &lt;/body&gt; (or at the end when there is none).</summary>
    public static string Inject(string html, int version)
    {
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + Tag(version) : html[..at] + Tag(version) + html[at..];
    }

    public static string ErrorPage(BuildState state)
    {
        var items = new StringBuilder();
        foreach (var problem in state.Problems)
            items.Append("<li><code>").Append(WebUtility.HtmlEncode($"{problem.File}:{problem.Line}:{problem.Column}"))
                .Append("</code> ").Append(WebUtility.HtmlEncode(problem.Message)).Append("</li>\n");
        if (state.Failure is not null) items.Append("<li>").Append(WebUtility.HtmlEncode(state.Failure)).Append("</li>\n");
        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>构建失败 - SiteGen 预览</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6">
            <h1 style="color:#9b1c1c">构建失败</h1>
            <p>保存后的内容有 {state.Problems.Count + (state.Failure is null ? 0 : 1)} 处问题，预览停在上一次成功的构建之前。改正后页面会自动刷新。</p>
            <ol id="sitegen-problems">
            {items}</ol>
            {Tag(state.Version)}
            </body></html>
            """;
    }
}
