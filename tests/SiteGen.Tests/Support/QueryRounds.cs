using Microsoft.Playwright;

namespace SiteGen.Tests.Support;

/// <summary>
/// The rounds a cold query needs in the browser, counted rather than timed: the longest chain of index files each asked
/// for once the one before it had arrived, each a round trip over a network. A file is one round after the file whose
/// arrival the engine was handling when it asked for it (the last to arrive); the first files are round 1. The browser
/// tests and the search benchmark count alike (the benchmark links this file).
/// </summary>
internal static class QueryRounds
{
    /// <summary>The engine's callbacks, one of which every index file's script calls with its name.</summary>
    public const string Callbacks = "['shard', 'positions', 'chunk', 'dictionary', 'columns', 'values', 'text', 'head']";

    /// <summary>Starts counting on a page not yet opened: call before it goes to the search page.</summary>
    public static Task WatchAsync(IPage page) => page.AddInitScriptAsync(@"window.__last = 0; window.__round = {};
        new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => {
          if (n.tagName === 'SCRIPT' && n.src.includes('/search/') && !n.src.endsWith('/index.js')) window.__round[n.src.split('/').pop().slice(0, -3)] = window.__last + 1; })))
          .observe(document, { childList: true, subtree: true });");

    /// <summary>Notes which file's arrival the engine handles: call once the search page has loaded.</summary>
    public static Task HookAsync(IPage page) => page.EvaluateAsync($@"() => {Callbacks}.forEach(k => {{
        const f = SiteGenSearch[k]; SiteGenSearch[k] = function (name) {{ window.__last = window.__round[name] || 0; return f.apply(this, arguments); }}; }})");

    /// <summary>Each index file the page asked for, by name (without `.js`), with its round.</summary>
    public static Task<Dictionary<string, int>> ReadAsync(IPage page) => page.EvaluateAsync<Dictionary<string, int>>("() => window.__round");

    /// <summary>The longest chain: the round of the last file asked for.</summary>
    public static int Longest(Dictionary<string, int> rounds) => rounds.Count == 0 ? 0 : rounds.Values.Max();
}
