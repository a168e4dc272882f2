using System.Security.Cryptography;

namespace SiteGen.Tests.Support;

public static class SiteFiles
{
    /// <summary>Every file under a folder with the hash of its bytes, for comparing whole sites.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return map;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            map[Path.GetRelativePath(folder, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return map;
    }
}
