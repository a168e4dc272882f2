namespace SiteGen.Output;

/// <summary>
/// The whole site as one zip for offline readers. Entries go in path order under one top folder, all
/// with the same fixed time, so the same site always gives the same bytes.
/// </summary>
internal static class OfflineZip
{
    public const string Folder = "download";

    public static string PathFor(string name) => $"{Folder}/{name}.zip";

    /// <param name="previousZip">The last build's zip, whose entries are copied where a file has not changed.</param>
    /// <param name="unchanged">Whether a file is known to be the one the last build wrote (and zipped): its entry is then copied unread.</param>
    /// <param name="zipOnly">Files whose copy in the zip differs from the site's (pages that speak of the zip), by path.</param>
    /// <param name="ahead">Parts of the site's large files compressed while they were made.</param>
    /// <param name="compressedAlready">Whether a file's data is compressed already (by path), which the zip then stores as it is.</param>
    /// <returns>How many entries were copied from <paramref name="previousZip"/>.</returns>
    public static int Write(string stagingRoot, IEnumerable<string> files, string name, Stream destination, string? previousZip = null,
        Func<string, bool>? unchanged = null, IReadOnlyDictionary<string, byte[]>? zipOnly = null, DeflatedAhead? ahead = null, Func<string, bool>? compressedAlready = null)
    {
        zipOnly ??= new Dictionary<string, byte[]>();
        using var zip = new ZipWriter(destination, previousZip, ahead);
        // Sources are made a batch at a time: a million files' paths made whole for the zip were 300 MB at 100,000 reports.
        zip.AddFiles(files.Where(f => !f.StartsWith(Folder + "/", StringComparison.Ordinal)).Union(zipOnly.Keys)
            .Order(StringComparer.Ordinal)
            .Select(f => zipOnly.TryGetValue(f, out var content)
                ? new ZipWriter.Source($"{name}/{f}", "", false, content)
                : new ZipWriter.Source($"{name}/{f}", Path.Combine(stagingRoot, f), unchanged?.Invoke(f) ?? false, CompressedAlready: compressedAlready?.Invoke(f) ?? false)));
        zip.Finish();
        return zip.Reused;
    }
}
