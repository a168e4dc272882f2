using System.Runtime.InteropServices;

namespace SiteGen.Output;

/// <summary>The file system operations a staged site needs beyond System.IO: hard links and an atomic swap of two folders.</summary>
internal static class FileTree
{
    /// <summary>Deletes a folder, its files on every core: a large site is tens of thousands of them.</summary>
    public static void DeleteTree(string folder)
    {
        Parallel.ForEach(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), File.Delete);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A hard link where the file system allows one (no bytes copied), else a copy.</summary>
    public static void Link(string existing, string link)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (HardLink(existing, link) == 0) return;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { }
        }
        File.Copy(existing, link);
    }

    /// <summary>Swaps two folders in one step, where the OS can: readers see the one or the other, never a mix.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // Linux renameat2(RENAME_EXCHANGE) swaps two folders atomically.
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", SetLastError = true, EntryPoint = "renameat2")]
    private static extern int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "link")]
    private static extern int HardLink(string existing, string link);
}
