namespace SiteGen.Output;

/// <summary>A file a build keeps for its own use while it runs: beside its output, never part of the site.</summary>
internal static class ScratchFile
{
    /// <param name="folder">Where the build has room (the output's folder, which holds its staging folder too).</param>
    /// <param name="purpose">Part of the file's name, for whoever finds one.</param>
    public static FileStream Open(string folder, string purpose)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $".{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, bufferSize: 0, FileOptions.DeleteOnClose);
        // Unlinked at once where the system allows an open file no name (Linux, macOS): a killed build leaves nothing
        // behind. On Windows, DeleteOnClose has the system delete it when the handle closes, killed or not.
        if (!OperatingSystem.IsWindows()) File.Delete(path);
        return file;
    }
}
