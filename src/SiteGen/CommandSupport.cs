using System.CommandLine;
using SiteGen.Diagnostics;
using Spectre.Console;

namespace SiteGen.Cli;

/// <summary>What every command shares: the --source option and how failures are shown.</summary>
internal static class CommandSupport
{
    public static Option<DirectoryInfo> SourceOption() => new("--source")
    {
        Description = "The site's folder, holding site.yml, content/ and templates/",
        DefaultValueFactory = _ => new DirectoryInfo("."),
    };

    /// <summary>Runs a command body; problems in the input print as file:line:col lines and exit 1.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (SiteGenException e)
        {
            foreach (var diagnostic in e.Diagnostics) Console.Error.WriteLine(diagnostic);
            Console.Error.WriteLine($"{e.Diagnostics.Count} problem(s) found; nothing was written.");
            return 1;
        }
        catch (Exception e)
        {
            // Not a problem in the input: say what failed; the stack trace only on request.
            Console.Error.WriteLine($"error: {e.Message}");
            if (Environment.GetEnvironmentVariable("SITEGEN_DEBUG") is "1") Console.Error.WriteLine(e);
            return 2;
        }
    }

    public static bool Interactive =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 => $"{bytes / 1048576.0:0.0} MB",
        >= 1 << 10 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes} B",
    };
}
