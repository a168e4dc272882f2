using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;

namespace SiteGen.Cli;

internal static partial class SearchCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for, as typed in the browser: 行政复议, \"安经开〔2018〕7号\", 高要区 2021 -通知, year:2021" };
        var site = new Option<DirectoryInfo>("--site") { Description = "The built site", DefaultValueFactory = _ => new DirectoryInfo("_site") };
        var limit = new Option<int>("--limit") { Description = "How many results", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the same object the browser API returns" };
        var counts = new Option<Counting>("--counts")
        {
            Description = "auto: exact counts when they read few more files, else estimated (约); exact: always exact; estimate: only what the page needs",
            DefaultValueFactory = _ => Counting.Auto,
        };
        var command = new Command("search", "Search a built site's index (the same files the browser reads)") { query, site, limit, json, counts };
        command.SetAction(parse => CommandSupport.Run(() =>
        {
            var index = SearchIndexReader.Open(parse.GetValue(site)!.FullName);
            var result = new QueryEngine(index).Search(parse.GetValue(query)!, pageSize: Math.Max(1, parse.GetValue(limit)), counting: parse.GetValue(counts));
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(result, Json));
            else Print(result);
            return 0;
        }));
        return command;
    }

    private static void Print(SearchResult result)
    {
        if (result.Total == 0) { Console.WriteLine($"没有找到包含“{result.Query}”的报告。"); return; }
        var total = (result.Estimated ? "约 " : "") + result.Total;
        Console.WriteLine(result.Exact
            ? $"{total} 份报告包含“{result.Query}”："
            : $"没有找到“{result.Query}”的完全匹配，以下是包含“{string.Join("”“", result.Words)}”的 {total} 份报告：");
        foreach (var hit in result.Results)
        {
            Console.WriteLine();
            Console.WriteLine($"{hit.Title}  [{hit.Score}]");
            Console.WriteLine($"  {string.Join("  ", new[] { hit.Date, hit.Publisher, hit.Region, hit.Type }.Where(v => v is not null))}");
            Console.WriteLine($"  {hit.Url}");
            Console.WriteLine($"  {Marks().Replace(hit.Snippet, m => m.Value == "<mark>" ? "【" : "】").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&#39;", "'").Replace("&amp;", "&")}");
        }
    }

    [GeneratedRegex("</?mark>")]
    private static partial Regex Marks();
}
