namespace SiteGen.Import;

public sealed record ImportOptions(string OutputFolder, bool DryRun = false, bool Force = false);

/// <summary>What happened to one input: the report made of it and where it went, or why it could not be imported.</summary>
public sealed record ImportOutcome(string Source, string? Output, ImportedReport? Report, string Status, string? Message)
{
    public const string FailedStatus = "failed";
    public bool Failed => Status == FailedStatus;
}

/// <summary>
/// Imports files and folders of raw pages into content files. Never overwrites a file that exists
/// (an editor may have corrected it) unless forced; a file that cannot be read fails alone and the
/// rest of the batch goes on.
/// </summary>
public static class ImportBatch
{
    public static IReadOnlyList<ImportOutcome> Run(IEnumerable<string> inputs, ImportOptions options)
    {
        var outcomes = new List<ImportOutcome>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in Expand(inputs))
            outcomes.Add(ImportOne(input, options, claimed));
        return outcomes;
    }

    private static ImportOutcome ImportOne(string input, ImportOptions options, HashSet<string> claimed)
    {
        var source = DisplayPath(input);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(input); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportOutcome(source, null, null, ImportOutcome.FailedStatus, e.Message);
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null) return new ImportOutcome(source, null, null, ImportOutcome.FailedStatus, decoded.Error);

        var text = HtmlText.IsHtml(input, decoded.Text) ? HtmlText.ToLines(decoded.Text) : decoded.Text;
        var report = ReportImporter.Import(text);
        var output = DisplayPath(Path.Combine(options.OutputFolder, ReportFile.FileName(report)));
        if (!claimed.Add(output))
            return new ImportOutcome(source, output, report, ImportOutcome.FailedStatus, $"another input in this batch also becomes {output}");

        var content = ReportFile.Write(report, source);
        var status = Status(output, content, options);
        if (status == "written" || status == "overwritten")
        {
            if (!options.DryRun)
            {
                Directory.CreateDirectory(options.OutputFolder);
                File.WriteAllText(output, content);
            }
        }
        return new ImportOutcome(source, output, report, options.DryRun ? "dry-run: " + status : status,
            status == "kept" ? $"{output} exists and differs (an editor may have corrected it); --force overwrites it" : null);
    }

    private static string Status(string output, string content, ImportOptions options)
    {
        if (!File.Exists(output)) return "written";
        if (File.ReadAllText(output) == content) return "unchanged";
        return options.Force ? "overwritten" : "kept";
    }

    /// <summary>Files as given; folders as every file inside them, in name order.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                             .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                    yield return file;
            else
                yield return input;
        }
    }

    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }
}
