using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Output;

/// <summary>
/// Writes the new site into a staging folder beside the output folder and swaps it in only when the
/// build has succeeded, so a failed or killed build never leaves a half-written site behind.
/// Given a manifest file, it remembers which inputs made each file, and a file whose inputs have not
/// changed since the last build is not made again: it is already in the staging folder, which is the
/// site before last (see <see cref="PreviousSite"/>), or it is hard-linked from the current site.
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private const string StagingMark = ".building-";
    private readonly string _target;
    // Sets without a lock: two threads claim files by the thousand, and a shared lock cost more than the writes.
    private readonly ConcurrentDictionary<string, bool> _files = new(StringComparer.Ordinal);
    private long _bytes;
    private int _reused;
    private readonly string? _manifestFile;
    private readonly OutputManifest _previous;
    private readonly OutputManifest _next = new();
    private readonly ConcurrentDictionary<string, bool> _reusedFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly PreviousSite? _staged;
    private bool _committed;

    public string StagingPath { get; }

    private StagedOutput(string target, string staging, string? manifestFile, bool reuse)
    {
        _target = target;
        StagingPath = staging;
        _manifestFile = manifestFile;
        reuse &= manifestFile is not null;
        _previous = reuse && Directory.Exists(target) ? OutputManifest.Load(manifestFile!) : new OutputManifest();
        if (reuse) _staged = PreviousSite.Claim(target, staging);
        else Directory.CreateDirectory(staging);
    }

    /// <param name="manifestFile">Where the record of what made each file is kept; null keeps none.</param>
    /// <param name="reuse">Take files from the last build where their inputs are the same; false makes every file
    /// afresh, and the record is still written, so that it describes the site this build leaves.</param>
    public static StagedOutput Begin(string outputPath, string sourceRoot, string? manifestFile = null, bool reuse = true)
    {
        var target = Path.GetFullPath(outputPath).TrimEnd(Path.DirectorySeparatorChar);
        GuardTarget(target, Path.GetFullPath(sourceRoot));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, Path.GetFileName(target));
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + StagingMark + Environment.ProcessId);
        return new StagedOutput(target, staging, manifestFile, reuse);
    }

    public IReadOnlyCollection<string> Files
    {
        get { return _files.Keys.Order(StringComparer.Ordinal).ToList(); }
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many files were taken from the previous build rather than made again.</summary>
    public int ReusedCount => _reused;

    /// <summary>Whether a file was taken from the previous build: it is then byte for byte what that build wrote.</summary>
    public bool WasReused(string relativePath)
    {
        return _reusedFiles.ContainsKey(relativePath);
    }

    public void Write(string relativePath, string text, string? key = null)
    {
        // Encoded into a lent buffer: a site's pages are 1.5 GB of UTF-8 at 10,000 reports, each written once.
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Write(relativePath, utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8)), key);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <param name="key">The fingerprint of everything the file was made from, so the next build can reuse it.</param>
    public void Write(string relativePath, byte[] bytes, string? key = null) => Write(relativePath, bytes.AsSpan(), key);

    private void Write(string relativePath, ReadOnlySpan<byte> bytes, string? key)
    {
        var full = Claim(relativePath);
        using (var file = CreateNew(full)) RandomAccess.Write(file, bytes, 0);
        Interlocked.Add(ref _bytes, bytes.Length);
        if (key is not null) _next.Set(relativePath, key, bytes.Length);
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
        var staged = new bool[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            if (Staged(paths[i], key) is { } size) (sizes[i], staged[i]) = (size, true);
            else if (_previous.TryGet(paths[i], out var entry) && entry.Key == key && Unchanged(paths[i], entry.Size)) sizes[i] = entry.Size;
            else return false;
        }
        for (var i = 0; i < paths.Count; i++)
        {
            var full = Claim(paths[i], keep: staged[i]);
            if (!staged[i]) FileTree.Link(Path.Combine(_target, paths[i]), full);
            Interlocked.Add(ref _bytes, sizes[i]);
            Interlocked.Increment(ref _reused);
            _next.Set(paths[i], key, sizes[i]);
            // The offline zip copies the entries of files the current site has as they are: one staged from the site
            // before last counts only if the current site's is the same.
            if (_previous.TryGet(paths[i], out var current) && current.Key == key)
                _reusedFiles.TryAdd(paths[i], true);
        }
        return true;
    }

    /// <summary>The size of the file the staging folder already holds at a path, if it was made from <paramref name="key"/>.</summary>
    private long? Staged(string relativePath, string key) =>
        _staged is not null && _staged.Record.TryGet(relativePath, out var entry) && entry.Key == key
        && _staged.Files.TryGetValue(relativePath, out var size) && size == entry.Size ? size : null;

    private bool Unchanged(string relativePath, long size)
    {
        var existing = new FileInfo(Path.Combine(_target, relativePath));
        return existing.Exists && existing.Length == size;
    }

    /// <summary>Writes a file through a stream, for outputs too large to hold in memory.</summary>
    /// <param name="key">The fingerprint of everything the file was made from, so the next build can reuse it.</param>
    public long Write(string relativePath, Action<Stream> write, string? key = null)
    {
        var full = Claim(relativePath);
        using (var stream = new FileStream(CreateNew(full), FileAccess.Write)) write(stream);
        var length = new FileInfo(full).Length;
        Interlocked.Add(ref _bytes, length);
        if (key is not null) _next.Set(relativePath, key, length);
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
        RemoveUnclaimed();
        // Until the new manifest is written, no manifest at all: a build killed in between is cold next time,
        // never one that trusts a record of the wrong site.
        if (_manifestFile is not null && File.Exists(_manifestFile)) File.Delete(_manifestFile);
        if (Directory.Exists(_target))
        {
            if (!FileTree.TryExchange(StagingPath, _target))
            {
                var old = StagingPath + ".old";
                Directory.Move(_target, old);
                Directory.Move(StagingPath, _target);
                Directory.Move(old, StagingPath);
            }
            // The staging folder now holds the site just replaced.
            if (_staged is not null) PreviousSite.Keep(StagingPath, _target, _previous);
            else FileTree.DeleteTree(StagingPath);
        }
        else
        {
            Directory.Move(StagingPath, _target);
            if (_staged is not null) PreviousSite.KeepCopyOf(_target, StagingPath, _next);
        }
        _committed = true;
        if (_manifestFile is not null) _next.Save(_manifestFile);
    }

    /// <summary>Deletes what the staging folder held from the site before last and this site does not have.</summary>
    private void RemoveUnclaimed()
    {
        if (_staged is null) return;
        // (A file where this site has a folder was deleted when the folder was made.)
        var stale = _staged.Files.Keys.Where(path => !_files.ContainsKey(path) && !_folders.ContainsKey(Path.Combine(StagingPath, path))).ToList();
        Parallel.ForEach(stale, path => File.Delete(Path.Combine(StagingPath, path)));
        var emptied = stale.Select(Path.GetDirectoryName).Where(folder => !string.IsNullOrEmpty(folder)).Distinct()
            .OrderByDescending(folder => folder!.Length);
        foreach (var folder in emptied)
            for (var path = folder; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
            {
                var full = Path.Combine(StagingPath, path);
                if (!Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).Any()) break;
                Directory.Delete(full);
            }
    }

    public void Dispose()
    {
        if (_committed || !Directory.Exists(StagingPath)) return;
        if (_staged is not null) PreviousSite.Keep(StagingPath, _target, WhatStagingHolds());
        else Directory.Delete(StagingPath, recursive: true);
    }

    /// <summary>After a failed build: the staging folder's files that are known, so the next build can still stage into it.</summary>
    private OutputManifest WhatStagingHolds()
    {
        var holds = new OutputManifest();
        foreach (var (path, entry) in _staged!.Record.Entries)
            if (!_files.ContainsKey(path)) holds.Set(path, entry.Key, entry.Size);
        foreach (var (path, entry) in _next.Entries) holds.Set(path, entry.Key, entry.Size);
        return holds;
    }

    /// <param name="keep">The staging folder already holds the file wanted; else whatever it holds there goes first.</param>
    private string Claim(string relativePath, bool keep = false)
    {
        if (relativePath.Length == 0 || relativePath.StartsWith('/') || relativePath.Split('/').Any(p => p is "" or "." or "..")
            || relativePath.Any(c => c > 0x7E || c < 0x20 || c == '\\'))
            throw new InvalidOperationException($"refusing to write '{relativePath}': output paths are relative, ASCII and inside the site");
        if (!_files.TryAdd(relativePath, true))
            throw new InvalidOperationException($"two pages want the same output file '{relativePath}'");
        var full = Path.Combine(StagingPath, relativePath);
        // Once per folder, not per file: mkdir locks the parent folder, and 100,000 of them were a tenth of a rebuild.
        var folder = Path.GetDirectoryName(full)!;
        // (A folder is recorded only once it exists: a thread that finds it recorded may write into it.)
        _folders.GetOrAdd(folder, MakeFolder);
        if (!keep && _staged is not null)
        {
            // Never written over: the old file may be a hard link to the live site's.
            if (_staged.Files.ContainsKey(relativePath)) File.Delete(full);
            else if (_staged.Folders.Contains(relativePath)) Directory.Delete(full, recursive: true);
        }
        return full;
    }

    /// <summary>
    /// A file <see cref="Claim"/> has made sure is not there. Not <c>File.Create</c>: on Linux .NET truncates every file it opens
    /// that way (after taking its lock), even a new one, and ext4 writes a truncated file back to disk as soon as it is
    /// closed, which made creating a file four times as slow (20,000 files: 1.7-2.0 s against 0.46-0.50 s).
    /// </summary>
    private static Microsoft.Win32.SafeHandles.SafeFileHandle CreateNew(string full) => File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write);

    private static bool MakeFolder(string folder)
    {
        if (File.Exists(folder)) File.Delete(folder); // a file of the site before last where this site has a folder
        return Directory.CreateDirectory(folder).Exists;
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
}
