using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SiteGen.Import;

namespace SiteGen.Benchmarks;

/// <summary>
/// How many fields the importer gets right on pages it was not written against (../shared/import-dev/): per
/// field, right over asked, and every miss with what was expected. The pages go through the same path as
/// <c>sitegen import --dry-run</c>. A field whose expected value is null is right only when the importer
/// leaves it empty; a title is scored only where the page holds one; a publisher is right when one name
/// holds the other (省政府办公厅 in 广东省人民政府办公厅 is the same body named shorter).
/// </summary>
public static partial class ImportEvaluation
{
    private static readonly string[] Fields = ["title", "doc_type", "publisher", "date_published", "province", "county", "year", "文号", "索引号"];

    public static int Run(string[] args)
    {
        var repo = CorpusGenerator.FindRepo();
        var dev = Path.GetFullPath(Path.Combine(repo, "..", "shared", "import-dev"));
        var pages = CorpusGenerator.Option(args, "--pages") ?? Path.Combine(dev, "pages");
        var expected = CorpusGenerator.Option(args, "--expected") ?? Path.Combine(dev, "expected.jsonl");
        var outcomes = ImportBatch.Run([pages], new ImportOptions(Path.GetTempPath(), DryRun: true))
            .ToDictionary(o => Path.GetFileName(o.Source), StringComparer.Ordinal);
        var right = Fields.ToDictionary(f => f, _ => 0);
        var asked = Fields.ToDictionary(f => f, _ => 0);
        var misses = new List<string>();
        foreach (var line in File.ReadLines(expected).Where(l => l.Trim().Length > 0))
        {
            var want = JsonNode.Parse(line)!.AsObject();
            var file = want["file"]!.GetValue<string>();
            var got = outcomes.GetValueOrDefault(file)?.Report;
            foreach (var field in Fields)
            {
                var (expect, actual) = Values(field, want, got);
                if (field == "title" && expect is null) continue;
                asked[field]++;
                if (Same(field, expect, actual)) right[field]++;
                else misses.Add($"{file} {field}: want {expect ?? "(none)"}, got {actual ?? "(none)"}");
            }
        }
        foreach (var miss in misses) Console.WriteLine(miss);
        Console.WriteLine();
        Console.WriteLine(string.Join("  ", Fields.Select(f => $"{f} {right[f]}/{asked[f]}")));
        Console.WriteLine($"total {right.Values.Sum()}/{asked.Values.Sum()} = {right.Values.Sum() / (double)asked.Values.Sum():0.000}");
        return 0;
    }

    private static (string? Expected, string? Actual) Values(string field, JsonObject want, ImportedReport? got)
    {
        string? Text(string name) => want[name]?.ToString();
        return field switch
        {
            "title" => (Text("title"), got?.Title),
            "doc_type" => (Text("doc_type"), got?.DocType),
            "publisher" => (Text("publisher"), got?.Publisher),
            "date_published" => (Text("published"), got?.DatePublished?.ToString("yyyy-MM-dd")),
            "province" => (want["region"]?["province"]?.ToString(), got?.Region.Province),
            "county" => (want["region"]?["county"]?.ToString(), got?.Region.County),
            "year" => (Text("year_covered"), got?.Year?.ToString()),
            "文号" => (Text("doc_number"), got?.DocNumber),
            "索引号" => (Text("index_number"), got?.IndexNumber),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    private static bool Same(string field, string? expected, string? actual)
    {
        var (a, b) = (Normal(expected), Normal(actual));
        if (a is null || b is null) return a is null && b is null;
        return field == "publisher" ? a.Contains(b) || b.Contains(a) : a == b;
    }

    /// <summary>Spacing and full- or half-width brackets and colons do not count.</summary>
    private static string? Normal(string? text) => string.IsNullOrEmpty(text) ? null :
        Space().Replace(text, "").Replace('〔', '[').Replace('〕', ']').Replace('（', '(').Replace('）', ')').Replace('：', ':').Replace('［', '[').Replace('］', ']');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
