using System.CommandLine;
using SiteGen.Build;

namespace SiteGen.Cli;

internal static class ExportCommand
{
    public static Command Create()
    {
        var source = CommandSupport.SourceOption();
        var format = new Option<string>("--format")
        {
            Description = "csv: RFC 4180, UTF-8 with a BOM (opens in Excel); jsonl: one JSON object a line, with keywords and the text",
            Required = true,
        };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var command = new Command("export", "Write one row per report to standard output: the same bytes as the site's data/reports.csv or data/reports.jsonl") { source, format };
        command.SetAction(parse => CommandSupport.Run(() =>
        {
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            SiteBuilder.Export(parse.GetValue(source)!.FullName, parse.GetValue(format) == "jsonl", buffered);
            return 0;
        }));
        return command;
    }
}
