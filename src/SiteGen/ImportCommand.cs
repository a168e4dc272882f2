using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteGen.Content;
using SiteGen.Import;

namespace SiteGen.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Raw pages (text or saved HTML), or folders of them", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the Markdown reports", DefaultValueFactory = _ => "content/reports" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written; write nothing" };
        var force = new Option<bool>("--force") { Description = "Overwrite reports that exist (an editor may have corrected them)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array, one object per input" };
        var command = new Command("import", "Turn raw pages copied from government websites into Markdown reports with front matter")
            { inputs, output, dryRun, force, json };

        command.SetAction(parse => CommandSupport.Run(() =>
        {
            var outcomes = ImportBatch.Run(parse.GetValue(inputs)!,
                new ImportOptions(parse.GetValue(output)!, parse.GetValue(dryRun), parse.GetValue(force)));
            if (parse.GetValue(json)) PrintJson(outcomes);
            else PrintText(outcomes);
            return outcomes.Any(o => o.Failed) ? 1 : 0;
        }));
        return command;
    }

    private static void PrintText(IReadOnlyList<ImportOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Console.WriteLine($"{outcome.Source} -> {outcome.Output ?? "-"} [{outcome.Status}]");
            if (outcome.Message is not null) (outcome.Failed ? Console.Error : Console.Out).WriteLine($"  {(outcome.Failed ? "error" : "note")}: {outcome.Message}");
            if (outcome.Report is not { } r) continue;
            Console.WriteLine($"  标题 {r.Title}");
            Console.WriteLine($"  类型 {r.DocType}  年度 {r.Year?.ToString() ?? "-"}  层级 {r.Level ?? "-"}");
            Console.WriteLine($"  发布机构 {r.Publisher ?? "-"}");
            Console.WriteLine($"  地区 {(r.Region.IsKnown ? $"{r.Region.Display} ({r.Region.Code})" : "-")}");
            Console.WriteLine($"  成文日期 {FrontMatterWriter.Iso(r.DateWritten) ?? "-"}  发布日期 {FrontMatterWriter.Iso(r.DatePublished) ?? "-"}");
            if (r.DocNumber is not null || r.IndexNumber is not null) Console.WriteLine($"  文号 {r.DocNumber ?? "-"}  索引号 {r.IndexNumber ?? "-"}");
            foreach (var warning in r.Warnings) Console.WriteLine($"  warning: {warning}");
        }
        // A kept or unchanged file was not imported: only what was (or, in a dry run, would be) written counts.
        var counts = outcomes.GroupBy(o => o.Status.Replace("dry-run: ", "")).ToDictionary(g => g.Key, g => g.Count());
        int Count(string status) => counts.GetValueOrDefault(status);
        var others = new[] { (Count("kept"), "kept (exists and differs; --force overwrites)"), (Count("unchanged"), "unchanged") }
            .Where(o => o.Item1 > 0).Select(o => $", {o.Item1} {o.Item2}");
        Console.WriteLine($"{outcomes.Count} input(s), {Count("written") + Count("overwritten")} imported, {Count(ImportOutcome.FailedStatus)} failed" +
                          string.Concat(others) + ".");
    }

    private static void PrintJson(IReadOnlyList<ImportOutcome> outcomes)
    {
        var array = new JsonArray(outcomes.Select(ToJson).ToArray<JsonNode?>());
        Console.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>Exactly the keys the import contract names; unknown values are null, dates YYYY-MM-DD.</summary>
    private static JsonObject ToJson(ImportOutcome outcome)
    {
        var r = outcome.Report;
        var warnings = new JsonArray((r?.Warnings ?? []).Select(w => (JsonNode?)w).ToArray());
        if (outcome.Message is not null) warnings.Insert(0, outcome.Message);
        return new JsonObject
        {
            ["source"] = outcome.Source,
            ["output"] = outcome.Output,
            ["title"] = r?.Title,
            ["doc_type"] = r?.DocType,
            ["publisher"] = r?.Publisher,
            ["region"] = r is null ? null : new JsonObject
            {
                ["province"] = r.Region.Province,
                ["city"] = r.Region.City,
                ["county"] = r.Region.County,
                ["code"] = r.Region.Code,
            },
            ["level"] = r?.Level,
            ["year"] = r?.Year,
            ["date_written"] = FrontMatterWriter.Iso(r?.DateWritten),
            ["date_published"] = FrontMatterWriter.Iso(r?.DatePublished),
            ["doc_number"] = r?.DocNumber,
            ["index_number"] = r?.IndexNumber,
            ["keywords"] = r is null ? null : new JsonArray(r.Keywords.Select(k => (JsonNode?)k).ToArray()),
            ["keywords_source"] = r?.KeywordsSource,
            ["warnings"] = warnings,
            ["evidence"] = r is null ? null : Evidence(r),
        };
    }

    /// <summary>For each field found, in the schema's order: the page's line it was read from and the rule that read it.</summary>
    private static JsonObject Evidence(ImportedReport report)
    {
        var evidence = new JsonObject();
        foreach (var key in FrontMatterSchema.Keys)
            if (report.Evidence.TryGetValue(key, out var found))
                evidence[key] = new JsonObject { ["line"] = found.Line, ["rule"] = found.Rule };
        return evidence;
    }
}
