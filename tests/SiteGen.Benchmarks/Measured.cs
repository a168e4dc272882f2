using System.Diagnostics;
using System.Globalization;

namespace SiteGen.Benchmarks;

/// <summary>A command's wall time and peak memory, as GNU time reports them for the whole process.</summary>
public readonly record struct Measured(double Seconds, double PeakMegabytes)
{
    /// <summary>User and system time together.</summary>
    public double CpuSeconds { get; init; }

    public static Measured Run(string command, params string[] arguments) =>
        TryRun(null, command, arguments) ?? throw new InvalidOperationException($"{command} failed");

    /// <summary>
    /// Runs a command, with its address space capped at <paramref name="memoryLimitBytes"/> if given, so that
    /// a peer that would exhaust the machine fails on its own instead; null if it fails.
    /// </summary>
    public static Measured? TryRun(long? memoryLimitBytes, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        var limit = memoryLimitBytes is { } bytes ? new[] { "prlimit", $"--as={bytes}" } : [];
        foreach (var argument in new[] { "-f", "@@ %e %M %U %S" }.Concat(limit).Append(command).Concat(arguments)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = errors.Split('\n').LastOrDefault(l => l.StartsWith("@@ ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            Console.Error.WriteLine($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{errors[^Math.Min(errors.Length, 2000)..]}");
            return null;
        }
        var parts = line.Split(' ');
        double Number(int at) => double.Parse(parts[at], CultureInfo.InvariantCulture);
        return new Measured(Number(1), Number(2) / 1024) { CpuSeconds = Number(3) + Number(4) };
    }

    public static Measured Median(IReadOnlyList<Measured> runs) =>
        new(Stats.Median(runs.Select(r => r.Seconds)), Stats.Median(runs.Select(r => r.PeakMegabytes)));

    /// <summary>The median of the runs that succeeded; null if none did.</summary>
    public static Measured? Median(IReadOnlyList<Measured?> runs) =>
        runs.All(r => r is null) ? null : Median(runs.OfType<Measured>().ToList());
}

public static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
