using SiteGen.Build;

namespace SiteGen.Tests.Support;

/// <summary>A throwaway site folder: the repository's real templates and site.yml, with reports the test writes.</summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; }
    public string Output => Path.Combine(Root, "_site");

    private TestSite(string root) => Root = root;

    /// <summary>A copy of the repository's own site (content, templates, site.yml, seeds).</summary>
    public static TestSite CopyOfRepository()
    {
        var site = Empty();
        foreach (var folder in new[] { "content", "templates", "seeds" })
            CopyFolder(Path.Combine(RepoRoot, folder), Path.Combine(site.Root, folder));
        File.Copy(Path.Combine(RepoRoot, "site.yml"), Path.Combine(site.Root, "site.yml"));
        return site;
    }

    /// <summary>The repository's templates and site.yml, and no reports yet.</summary>
    public static TestSite WithTemplates()
    {
        var site = Empty();
        CopyFolder(Path.Combine(RepoRoot, "templates"), Path.Combine(site.Root, "templates"));
        File.Copy(Path.Combine(RepoRoot, "site.yml"), Path.Combine(site.Root, "site.yml"));
        Directory.CreateDirectory(Path.Combine(site.Root, "content", "reports"));
        return site;
    }

    private static TestSite Empty()
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new TestSite(root);
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string AddReport(string slug, string frontMatterBody, string body = "正文。\n") =>
        Write($"content/reports/{slug}.md", $"---\n{frontMatterBody.TrimEnd()}\n---\n\n{body}");

    /// <summary>Documents per search index segment; small values give small sites several segments.</summary>
    internal SiteGen.Search.Format.SearchLayout SearchLayout { get; set; } = SiteGen.Search.Format.SearchLayout.Default;

    public BuildResult Build(string? output = null) =>
        SiteBuilder.Build(new BuildOptions(Root, output ?? Output) { SearchLayout = SearchLayout });

    /// <summary>A build that reuses nothing, into its own folder: what an incremental build must equal.</summary>
    public SortedDictionary<string, string> ColdBuildSnapshot()
    {
        var output = ColdBuild();
        var snapshot = SiteFiles.Snapshot(output);
        Directory.Delete(output, recursive: true);
        return snapshot;
    }

    /// <summary>Builds the site afresh, without the cache, into a new folder; returns the folder.</summary>
    public string ColdBuild()
    {
        var output = Path.Combine(Root, "_cold-" + Guid.NewGuid().ToString("N")[..8]);
        SiteBuilder.Build(new BuildOptions(Root, output) { UseCache = false, SearchLayout = SearchLayout });
        return output;
    }

    /// <summary>
    /// Builds the site cold into a folder of its own and asserts that <paramref name="output"/> (the output folder if
    /// null) is as good as it (<see cref="ColdBuildComparison"/>).
    /// </summary>
    public void ShouldMatchColdBuild(string? output = null, string because = "")
    {
        var cold = ColdBuild();
        try { FluentAssertions.AssertionExtensions.Should(ColdBuildComparison.Differences(output ?? Output, cold)).BeEmpty(because); }
        finally { Directory.Delete(cold, recursive: true); }
    }

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(Output, relativePath));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) when (!OperatingSystem.IsWindows())
        {
            // .NET cannot name a file whose name is not UTF-8 (a hostile-input test makes one), so it cannot delete it.
            System.Diagnostics.Process.Start("rm", ["-rf", "--", Root])!.WaitForExit();
        }
        catch (IOException) { }
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")))
                return dir.FullName;
        throw new InvalidOperationException("SiteGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
