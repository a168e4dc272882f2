using System.IO.Compression;

namespace SiteGen.Output;

/// <summary>
/// The whole site as one zip for offline readers. Entries go in path order under one top folder,
/// all with the same fixed time, so the same site always gives the same bytes.
/// </summary>
public static class OfflineZip
{
    public const string Folder = "download";
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string PathFor(string name) => $"{Folder}/{name}.zip";

    public static void Write(string stagingRoot, IEnumerable<string> files, string name, Stream destination)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files.Where(f => !f.StartsWith(Folder + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var entry = zip.CreateEntry($"{name}/{file}", CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            entry.ExternalAttributes = Convert.ToInt32("100644", 8) << 16; // a regular file, rw-r--r--
            using var input = File.OpenRead(Path.Combine(stagingRoot, file));
            using var output = entry.Open();
            input.CopyTo(output);
        }
    }
}
