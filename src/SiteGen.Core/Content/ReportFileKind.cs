using System.Runtime.InteropServices;

namespace SiteGen.Content;

/// <summary>
/// What stands at a report's path before it is opened: opening a FIFO named x.md blocks for ever, and a
/// dangling or looping symbolic link throws. .NET reports a FIFO as a "Normal" file of length 0, so its
/// type comes from the runtime's own stat (System.Native, which every .NET on Unix ships).
/// </summary>
internal static partial class ReportFileKind
{
    /// <summary>Why the path cannot be read as a report, or null when it is a regular file (or a link to one).</summary>
    public static string? Problem(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? target;
            try { target = info.ResolveLinkTarget(returnFinalTarget: true); }
            catch (IOException) { return "a symbolic link that leads round in a loop"; }
            if (target is null || !target.Exists) return $"a symbolic link to '{info.LinkTarget}', which does not exist";
            if (target is DirectoryInfo) return "a symbolic link to a folder, not a file";
        }
        return Kind(fullPath) switch
        {
            FileType.Missing => "the file cannot be opened by its name (is the name not UTF-8?); rename it",
            FileType.Other => "not a regular file (a pipe, socket or device?); a report is a text file",
            _ => null,
        };
    }

    private enum FileType { Regular, Other, Missing }

    private const int TypeMask = 0xF000, Regular = 0x8000;

    private static FileType Kind(string path)
    {
        if (OperatingSystem.IsWindows()) return File.Exists(path) ? FileType.Regular : FileType.Missing;
        try
        {
            // FileStatus begins with two int32s, Flags and Mode (st_mode); the buffer is larger than the struct.
            var status = new byte[512];
            if (Stat(path, status) != 0) return FileType.Missing;
            return (BitConverter.ToInt32(status, 4) & TypeMask) == Regular ? FileType.Regular : FileType.Other;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path) ? FileType.Regular : FileType.Missing; // a runtime without it: as before
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte[] output);
}
