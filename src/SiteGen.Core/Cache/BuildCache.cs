namespace SiteGen.Cache;

/// <summary>
/// The <c>.sitegen/cache</c> folder of a site: what earlier builds made, so the next build redoes only
/// what its inputs changed. Everything in it can be deleted at any time; the next build is then cold.
/// </summary>
internal sealed class BuildCache
{
    public const string FolderName = ".sitegen/cache";

    /// <summary>Changes with every build of SiteGen itself, so a new version never reuses an old one's output.</summary>
    public static readonly string ProgramVersion = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId.ToString();

    private readonly string _root;

    // The folders of items kept by key that this build's stages asked for: each stage owns its cache, and
    // names its folder here so that Prune can clear it.
    private readonly SortedSet<string> _itemFolders = new(StringComparer.Ordinal);

    public BuildCache(string sourceRoot) => _root = Path.Combine(sourceRoot, FolderName);

    /// <summary>
    /// Deletes every item no current input is keyed to — an edited report's old body and terms, a deleted
    /// report's, and everything an earlier SiteGen made — and temporary files a stopped build left. Without
    /// this the cache only grows: a 10,000-report archive rebuilt through a few SiteGen versions held 12 GB.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    public int Prune(IReadOnlySet<string> liveKeys)
    {
        var deleted = 0;
        string[] folders;
        lock (_itemFolders) folders = [.. _itemFolders];
        foreach (var folder in folders.Select(f => Path.Combine(_root, f)).Where(Directory.Exists))
        {
            var stale = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(file => !(file.EndsWith(".bin", StringComparison.Ordinal) && liveKeys.Contains(Path.GetFileNameWithoutExtension(file)))).ToList();
            Parallel.ForEach(stale, file =>
            {
                try { File.Delete(file); Interlocked.Increment(ref deleted); }
                catch (IOException) { } // another build's file in use: the next prune takes it
            });
        }
        return deleted;
    }

    /// <summary>
    /// The folder of one kind of cached item, each a file named by its key (<see cref="CacheFile.PathOf"/>), which
    /// <see cref="Prune"/> clears of every key no current input has.
    /// </summary>
    public string ItemFolder(string name)
    {
        lock (_itemFolders) _itemFolders.Add(name);
        return Path.Combine(_root, name);
    }

    /// <summary>
    /// The folder of a kind of cached item kept in shard files that its owner writes and prunes itself (the research
    /// views' analyses): <see cref="Prune"/>, which keeps a file by its name's key, leaves it alone.
    /// </summary>
    public string ShardFolder(string name) => Path.Combine(_root, name);

    /// <summary>A cache file its owner keeps whole (the reports' front matter).</summary>
    public string FileOf(string name) => Path.Combine(_root, name);

    /// <summary>Cache files this build found damaged: each was deleted, and what it held is made again.</summary>
    public CacheDamage Damage { get; } = new();

    /// <summary>
    /// Where the record of what made each file of one output folder lives: each output folder has its own. A build
    /// without the cache writes it too, so that it always describes the site in that folder: left as the last cached
    /// build wrote it, it made the next cached build trust files of a site that had been replaced (search/index.js
    /// then named segment files that did not exist, for good).
    /// </summary>
    public static string ManifestFor(string sourceRoot, string outputPath) =>
        Path.Combine(sourceRoot, FolderName, "outputs", Fingerprint.Of(Path.GetFullPath(outputPath)) + ".tsv");

    /// <summary>
    /// The fingerprint of everything every page depends on besides its own data: SiteGen itself, site.yml
    /// and every file under templates/ (layouts, partials and assets alike).
    /// </summary>
    public static string SiteKey(string sourceRoot, string configFile, string templatesFolder)
    {
        var fingerprint = new Fingerprint().Add(ProgramVersion);
        AddFile(fingerprint, "site.yml", Path.Combine(sourceRoot, configFile));
        var templates = Path.Combine(sourceRoot, templatesFolder);
        if (Directory.Exists(templates))
            foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                AddFile(fingerprint, Path.GetRelativePath(templates, file), file);
        return fingerprint.Finish();
    }

    private static void AddFile(Fingerprint fingerprint, string name, string file)
    {
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : null;
        fingerprint.Add(name).Add(bytes?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (bytes is not null) fingerprint.Add(bytes);
    }
}
