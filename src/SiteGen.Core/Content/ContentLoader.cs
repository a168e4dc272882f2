using System.IO.Enumeration;
using SiteGen.Concurrency;
using SiteGen.Cache;
using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>Loads every report under <c>content/reports/</c> and checks what no single file can: unique slugs.</summary>
internal static class ContentLoader
{
    public const string ReportsFolder = "content/reports";

    /// <param name="cache">Reports as the last load read them: a file unchanged since is not read again.</param>
    /// <param name="read">
    /// Told of each report whose file was read, while its text is still in memory: a later stage that measures the text
    /// does it here rather than read the file again.
    /// </param>
    public static IReadOnlyList<Report> Load(string sourceRoot, DiagnosticBag diagnostics, ReportCache? cache = null, Action<Report>? read = null)
    {
        var folder = Path.Combine(sourceRoot, ReportsFolder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(new Diagnostic(ReportsFolder, 1, 1, "the reports folder does not exist; put reports in content/reports/*.md"));
            return [];
        }

        var started = DateTime.UtcNow;
        var files = ReportFiles(sourceRoot, folder);
        var reports = new Report?[files.Count];
        Work.ForEach(Enumerable.Range(0, files.Count), i =>
        {
            var (path, stamp) = files[i];
            var report = cache?.Get(path, stamp);
            if (report is null)
            {
                report = LoadOne(sourceRoot, path, stamp.Size, diagnostics);
                if (report is null) return;
                read?.Invoke(report);
            }
            // The closure must hold the key, not the report: that report may still hold its text, and would keep
            // every text of the archive in memory (30,000 reports: about 1 GB of the heap after the main pass).
            var key = report.SourceKey;
            reports[i] = report.ReadingTextAgain(() => ReadAgain(sourceRoot, path, key), () => ReadBytesAgain(sourceRoot, path, key));
            cache?.Put(path, stamp, reports[i]!);
        });

        var loaded = reports.OfType<Report>().ToList();
        CheckUniqueSlugs(loaded, diagnostics);
        cache?.Save(started);
        return loaded;
    }

    /// <summary>The report files, by path from the source folder in '/' form, in order, with their sizes and times.</summary>
    private static List<(string Path, ReportCache.Stamp Stamp)> ReportFiles(string sourceRoot, string folder)
    {
        var files = new FileSystemEnumerable<(string, ReportCache.Stamp)>(folder,
            (ref FileSystemEntry entry) => (Path.GetRelativePath(sourceRoot, entry.ToFullPath()).Replace('\\', '/'),
                new ReportCache.Stamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks)),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && entry.FileName.EndsWith(".md", StringComparison.Ordinal),
            // A symbolic link to a folder is not followed: one to /tmp or to a parent walked for ever.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return files.OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>The largest report file read; real reports are well under 1 MB, so anything larger is a mistake.</summary>
    public const long MaxReportBytes = 5 * 1024 * 1024;

    private static Report? LoadOne(string sourceRoot, string relativePath, long size, DiagnosticBag diagnostics)
    {
        if (size > MaxReportBytes)
        {
            diagnostics.Add(new Diagnostic(relativePath, 1, 1,
                $"the file is {size / 1048576.0:0.0} MB; a report may be at most {MaxReportBytes / 1048576} MB (is it several reports, or not a report?)"));
            return null;
        }
        var fullPath = Path.Combine(sourceRoot, relativePath);
        if (ReportFileKind.Problem(fullPath) is { } problem)
        {
            diagnostics.Add(new Diagnostic(relativePath, 1, 1, problem));
            return null;
        }
        var text = TextFile.DecodeUtf8(File.ReadAllBytes(fullPath));
        if (text is null)
        {
            diagnostics.Add(new Diagnostic(relativePath, 1, 1,
                "the file is not UTF-8 text; save it as UTF-8 (sitegen import converts GBK and UTF-16 files)"));
            return null;
        }
        return ReportReader.Read(relativePath, text, diagnostics);
    }

    /// <summary>A report's text, read again later in the build; it must be the text that was loaded.</summary>
    private static string ReadAgain(string sourceRoot, string relativePath, string sourceKey) =>
        TextOf(ReadBytes(sourceRoot, relativePath), relativePath, sourceKey);

    /// <summary>A file's bytes as the text the loader read, checked against its fingerprint.</summary>
    private static string TextOf(byte[] bytes, string relativePath, string sourceKey)
    {
        var text = TextFile.DecodeUtf8(bytes);
        var normalized = text is null ? null : TextFile.Normalize(text);
        return normalized is not null && Fingerprint.Of(normalized) == sourceKey ? normalized : throw Changed(relativePath);
    }

    /// <summary>
    /// A report's text in UTF-8, read again for the site's copy of it. A file written as the build reads text (UTF-8, LF,
    /// no BOM: most are) is checked and copied as it is, not decoded and encoded again (at 10,000 reports 200 MB of strings
    /// and a fifth of a second of CPU).
    /// </summary>
    private static byte[] ReadBytesAgain(string sourceRoot, string relativePath, string sourceKey)
    {
        var bytes = ReadBytes(sourceRoot, relativePath);
        if (!TextFile.IsNormalUtf8(bytes)) return System.Text.Encoding.UTF8.GetBytes(TextOf(bytes, relativePath, sourceKey));
        return new Fingerprint().AddText(bytes).Finish() == sourceKey ? bytes : throw Changed(relativePath);
    }

    private static byte[] ReadBytes(string sourceRoot, string relativePath)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(sourceRoot, relativePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SiteGenException(new Diagnostic(relativePath, 1, 1, $"the file could not be read again while the site was being built ({e.Message}); build again"));
        }
    }

    private static SiteGenException Changed(string relativePath) =>
        new(new Diagnostic(relativePath, 1, 1, "the file changed while the site was being built; build again"));

    private static void CheckUniqueSlugs(IReadOnlyList<Report> reports, DiagnosticBag diagnostics)
    {
        foreach (var group in reports.GroupBy(r => r.Slug).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var line = duplicate.LineOf("slug");
                diagnostics.Add(new Diagnostic(duplicate.SourcePath, line.Line, line.Column,
                    $"duplicate slug '{duplicate.Slug}': {first.SourcePath} has it already; give one of them another 'slug:'"));
            }
        }
    }

}
