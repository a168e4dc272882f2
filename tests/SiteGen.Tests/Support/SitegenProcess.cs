using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>Runs the real sitegen program, as an editor would from a shell.</summary>
public static class SitegenProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new TimeoutException("sitegen " + string.Join(' ', args)); }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Standard output as bytes, for commands whose output is a file (export's BOM and CRLFs included).</summary>
    public static (int ExitCode, byte[] Output) RunBytes(params string[] args)
    {
        using var process = Start(args);
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new TimeoutException("sitegen " + string.Join(' ', args)); }
        copy.Wait();
        _ = error.Result;
        return (process.ExitCode, output.ToArray());
    }

    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sitegen.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
