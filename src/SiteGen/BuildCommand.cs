using System.CommandLine;
using SiteGen.Build;
using Spectre.Console;

namespace SiteGen.Cli;

internal static class BuildCommand
{
    public static Command Create()
    {
        var source = CommandSupport.SourceOption();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where the site goes (default: _site in the source folder)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Make every file afresh instead of reusing what the last build made (.sitegen/cache)" };
        var command = new Command("build", "Build the site: pages, listings, feed, sitemap and the offline zip") { source, output, noCache };
        command.SetAction(parse => CommandSupport.Run(() =>
        {
            var sourcePath = parse.GetValue(source)!.FullName;
            var outPath = parse.GetValue(output)?.FullName ?? Path.Combine(sourcePath, "_site");
            var result = Build(new BuildOptions(sourcePath, outPath) { UseCache = !parse.GetValue(noCache) });
            foreach (var warning in result.Warnings) Console.Error.WriteLine(warning);
            Console.WriteLine(
                $"Built {result.Reports} reports: {result.Pages} pages, {result.Files} files, {CommandSupport.Size(result.Bytes)} " +
                $"(offline zip {CommandSupport.Size(result.ZipBytes)}; {result.Reused} files unchanged) in {result.Elapsed.TotalSeconds:0.00} s -> {outPath}");
            return 0;
        }));
        return command;
    }

    private static BuildResult Build(BuildOptions options)
    {
        if (!CommandSupport.Interactive) return SiteBuilder.Build(options);
        BuildResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => result = SiteBuilder.Build(options with { Observer = new ProgressObserver(context) }));
        return result!;
    }

    /// <summary>Shows each build stage as a progress bar.</summary>
    private sealed class ProgressObserver(ProgressContext context) : IBuildObserver
    {
        private ProgressTask? _current;

        public void StageStarted(string stage, int total)
        {
            _current?.StopTask();
            _current = context.AddTask(stage, maxValue: Math.Max(total, 1));
        }

        public void FileWritten(string path) => _current?.Increment(1);
    }
}
