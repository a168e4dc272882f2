using SiteGen.Content;
using SiteGen.Import.Keywords;

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
        // Reading and importing are independent per page and run in parallel; choosing and writing
        // output files stays in input order, so the same batch always gives the same result.
        // Ranked against the reports the batch adds to, read only if some page lists no keywords.
        var keywords = new Lazy<KeywordProposer>(() => KeywordBackground.For(options.OutputFolder));
        var prepared = Expand(inputs).AsParallel().AsOrdered().Select(input => Prepare(input, keywords)).ToList();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        return prepared.Select(p => p.Report is null ? p.Failure! : Commit(p, options, claimed)).ToList();
    }

    private sealed record Prepared(string Source, ImportedReport? Report, ImportOutcome? Failure);

    private static Prepared Prepare(string input, Lazy<KeywordProposer> keywords)
    {
        var source = DisplayPath(input);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(input); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Prepared(source, null, new ImportOutcome(source, null, null, ImportOutcome.FailedStatus, e.Message));
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
            return new Prepared(source, null, new ImportOutcome(source, null, null, ImportOutcome.FailedStatus, decoded.Error));

        var text = HtmlText.IsHtml(input, decoded.Text) ? HtmlText.ToLines(decoded.Text) : decoded.Text;
        var report = ReportImporter.Import(text);
        return new Prepared(source, report.Keywords.Count > 0 ? report : keywords.Value.Complete(report), null);
    }

    private static ImportOutcome Commit(Prepared prepared, ImportOptions options, HashSet<string> claimed)
    {
        var report = prepared.Report!;
        var output = DisplayPath(Path.Combine(options.OutputFolder, ReportFile.FileName(report)));
        if (!claimed.Add(output))
            return new ImportOutcome(prepared.Source, output, report, ImportOutcome.FailedStatus, $"another input in this batch also becomes {output}");

        var content = ReportFile.Write(report, prepared.Source);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(content);
        if (bytes > ContentLoader.MaxReportBytes)
            return new ImportOutcome(prepared.Source, output, report, ImportOutcome.FailedStatus,
                $"it would be a {bytes / 1048576.0:0.0} MB report, and a report may be at most {ContentLoader.MaxReportBytes / 1048576} MB (several reports in one file, or not a report?)");
        var status = Status(output, content, options);
        if (status is "written" or "overwritten" && !options.DryRun)
        {
            Directory.CreateDirectory(options.OutputFolder);
            File.WriteAllText(output, content);
        }
        return new ImportOutcome(prepared.Source, output, report, options.DryRun ? "dry-run: " + status : status,
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
