using System.Runtime.InteropServices;
using System.Text;
using SiteGen.Cache;
using SiteGen.Diagnostics;

namespace SiteGen.Output;

/// <summary>
/// Writes the new site into a staging folder beside the output folder and swaps it in only when the
/// build has succeeded, so a failed or killed build never leaves a half-written site behind.
/// Given a manifest file, it remembers which inputs made each file, and a file whose inputs have not
/// changed since the last build is hard-linked from the current site instead of being made again.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private const string StagingMark = ".building-";
    private readonly string _target;
    private readonly SortedSet<string> _files = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _bytes;
    private int _reused;
    private readonly string? _manifestFile;
    private readonly OutputManifest _previous;
    private readonly OutputManifest _next = new();
    private readonly HashSet<string> _reusedFiles = new(StringComparer.Ordinal);
    private bool _committed;

    public string StagingPath { get; }

    private StagedOutput(string target, string staging, string? manifestFile)
    {
        _target = target;
        StagingPath = staging;
        _manifestFile = manifestFile;
        _previous = manifestFile is not null && Directory.Exists(target) ? OutputManifest.Load(manifestFile) : new OutputManifest();
    }

    /// <param name="manifestFile">Where the record of what made each file is kept; null builds everything afresh.</param>
    public static StagedOutput Begin(string outputPath, string sourceRoot, string? manifestFile = null)
    {
        var target = Path.GetFullPath(outputPath).TrimEnd(Path.DirectorySeparatorChar);
        GuardTarget(target, Path.GetFullPath(sourceRoot));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, Path.GetFileName(target));
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + StagingMark + Environment.ProcessId);
        Directory.CreateDirectory(staging);
        return new StagedOutput(target, staging, manifestFile);
    }

    public IReadOnlyCollection<string> Files
    {
        get { lock (_gate) return _files.ToList(); }
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many files were taken from the previous build rather than made again.</summary>
    public int ReusedCount => _reused;

    /// <summary>Whether a file was taken from the previous build: it is then byte for byte what that build wrote.</summary>
    public bool WasReused(string relativePath)
    {
        lock (_gate) return _reusedFiles.Contains(relativePath);
    }

    public void Write(string relativePath, string text, string? key = null) => Write(relativePath, Encoding.UTF8.GetBytes(text), key);

    /// <param name="key">The fingerprint of everything the file was made from, so the next build can reuse it.</param>
    public void Write(string relativePath, byte[] bytes, string? key = null)
    {
        var full = Claim(relativePath);
        File.WriteAllBytes(full, bytes);
        Interlocked.Add(ref _bytes, bytes.LongLength);
        if (key is not null) _next.Set(relativePath, key, bytes.LongLength);
    }

    /// <summary>Takes the current site's file if the last build made it from the same inputs.</summary>
    public bool TryReuse(string relativePath, string key) => TryReuse([relativePath], key);

    /// <summary>
    /// Takes every one of <paramref name="paths"/> from the current site if the last build made each from
    /// <paramref name="key"/>, or none of them: files made together are reused together or made again together.
    /// </summary>
    public bool TryReuse(IReadOnlyList<string> paths, string key)
    {
        var sizes = new long[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            if (!_previous.TryGet(paths[i], out var entry) || entry.Key != key || !Unchanged(paths[i], entry.Size)) return false;
            sizes[i] = entry.Size;
        }
        for (var i = 0; i < paths.Count; i++)
        {
            Link(Path.Combine(_target, paths[i]), Claim(paths[i]));
            Interlocked.Add(ref _bytes, sizes[i]);
            Interlocked.Increment(ref _reused);
            _next.Set(paths[i], key, sizes[i]);
            lock (_gate) _reusedFiles.Add(paths[i]);
        }
        return true;
    }

    private bool Unchanged(string relativePath, long size)
    {
        var existing = new FileInfo(Path.Combine(_target, relativePath));
        return existing.Exists && existing.Length == size;
    }

    /// <summary>Writes a file through a stream, for outputs too large to hold in memory.</summary>
    public long Write(string relativePath, Action<Stream> write)
    {
        var full = Claim(relativePath);
        using (var stream = File.Create(full)) write(stream);
        var length = new FileInfo(full).Length;
        Interlocked.Add(ref _bytes, length);
        return length;
    }

    public void Copy(string relativePath, string sourceFile)
    {
        var full = Claim(relativePath);
        File.Copy(sourceFile, full);
        Interlocked.Add(ref _bytes, new FileInfo(full).Length);
    }

    /// <summary>Replaces the output folder with the staged one in a single step where the OS allows it.</summary>
    public void Commit()
    {
        // Until the new manifest is written, no manifest at all: a build killed in between is cold next time,
        // never one that trusts a record of the wrong site.
        if (_manifestFile is not null && File.Exists(_manifestFile)) File.Delete(_manifestFile);
        if (Directory.Exists(_target))
        {
            if (!TryExchange(StagingPath, _target))
            {
                var old = StagingPath + ".old";
                Directory.Move(_target, old);
                Directory.Move(StagingPath, _target);
                Directory.Move(old, StagingPath);
            }
            DeleteTree(StagingPath); // now holds the previous site
        }
        else
        {
            Directory.Move(StagingPath, _target);
        }
        _committed = true;
        if (_manifestFile is not null) _next.Save(_manifestFile);
    }

    /// <summary>Deletes a folder, its files on every core: a large site is tens of thousands of them, and this is the rebuild's last step.</summary>
    private static void DeleteTree(string folder)
    {
        Parallel.ForEach(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), File.Delete);
        Directory.Delete(folder, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingPath))
            Directory.Delete(StagingPath, recursive: true);
    }

    private string Claim(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.StartsWith('/') || relativePath.Split('/').Any(p => p is "" or "." or "..")
            || relativePath.Any(c => c > 0x7E || c < 0x20 || c == '\\'))
            throw new InvalidOperationException($"refusing to write '{relativePath}': output paths are relative, ASCII and inside the site");
        lock (_gate)
            if (!_files.Add(relativePath))
                throw new InvalidOperationException($"two pages want the same output file '{relativePath}'");
        var full = Path.Combine(StagingPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private static void GuardTarget(string target, string sourceRoot)
    {
        var sep = Path.DirectorySeparatorChar;
        if ((sourceRoot.TrimEnd(sep) + sep).StartsWith(target + sep, StringComparison.Ordinal))
            Fail(target, "the output folder would replace the source folder; choose another --out");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, "index.html")))
            Fail(target, "the output folder has files but no index.html, so it is not a site SiteGen built; refusing to replace it");
    }

    private static void Fail(string target, string message) =>
        throw new SiteGenException(new Diagnostic(target, 1, 1, message));

    /// <summary>Staging folders of builds that were killed: nothing in them is worth keeping.</summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, "." + name + StagingMark + "*"))
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* another build may own it; it cleans up after itself */ }
        }
    }

    // Linux renameat2(RENAME_EXCHANGE) swaps two folders atomically: readers see the old site or the new.
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", SetLastError = true, EntryPoint = "renameat2")]
    private static extern int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "link")]
    private static extern int HardLink(string existing, string link);

    /// <summary>A hard link where the file system allows one (no bytes copied), else a copy.</summary>
    private static void Link(string existing, string link)
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

    private static bool TryExchange(string a, string b)
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
}
