using AngleSharp.Html.Parser;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>Every link on every page must lead to a file of the site, so the site works unzipped from disk.</summary>
public class LinkTests : IClassFixture<BuiltRepositorySite>
{
    private readonly BuiltRepositorySite _built;

    public LinkTests(BuiltRepositorySite built) => _built = built;

    [Fact]
    public void Every_internal_link_and_asset_resolves_to_a_file()
    {
        var parser = new HtmlParser();
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in _built.Pages)
        {
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(_built.Output, page)));
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                var reference = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                checkedLinks++;
                if (IsExternal(reference) || IsInline(reference)) continue;
                // A host shows 404.html at any missing address, so its links start from the host's path; the copy
                // in the offline zip (OutputTests) links relatively.
                if (page == "404.html" && reference.StartsWith(_built.HostPath, StringComparison.Ordinal)) reference = reference[_built.HostPath.Length..];
                else if (reference.StartsWith('/')) { broken.Add($"{page}: '{reference}' is root-absolute, which fails from file://"); continue; }
                var (path, fragment) = Split(reference);
                var target = path.Length == 0 ? page : Normalize(Path.GetDirectoryName(page)!, path);
                if (!File.Exists(Path.Combine(_built.Output, target)))
                    broken.Add($"{page}: '{reference}' -> {target} does not exist");
                else if (fragment is not null && target.EndsWith(".html") && !HasId(parser, target, fragment))
                    broken.Add($"{page}: '{reference}' -> no element with id '{fragment}'");
            }
        }
        broken.Should().BeEmpty();
        checkedLinks.Should().BeGreaterThan(300);
    }

    [Fact]
    public void No_page_links_to_a_folder_or_loads_anything_from_outside()
    {
        var parser = new HtmlParser();
        foreach (var page in _built.Pages)
        {
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(_built.Output, page)));
            foreach (var element in document.QuerySelectorAll("[src], link[href]"))
                IsExternal(element.GetAttribute("src") ?? element.GetAttribute("href")!).Should().BeFalse($"{page} loads {element.OuterHtml}");
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
                anchor.GetAttribute("href")!.Should().NotEndWith("/", $"{page}: a folder link does not open index.html from disk");
        }
    }

    [Fact]
    public void Every_output_path_is_ascii()
    {
        var all = Directory.EnumerateFiles(_built.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_built.Output, f));
        all.Should().OnlyContain(p => p.All(c => c < 128));
    }

    private static bool IsExternal(string reference) =>
        reference.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ||
        reference.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ||
        reference.StartsWith("//", StringComparison.Ordinal) ||
        reference.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    // The empty inline icon (data:,) spares browsers a favicon request that would leave the site.
    private static bool IsInline(string reference) => reference == "data:,";

    private static (string Path, string? Fragment) Split(string reference)
    {
        var hash = reference.IndexOf('#');
        var path = hash < 0 ? reference : reference[..hash];
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        return (Uri.UnescapeDataString(path), hash < 0 ? null : reference[(hash + 1)..]);
    }

    private static string Normalize(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..") { if (parts.Count == 0) return "../outside-the-site"; parts.RemoveAt(parts.Count - 1); }
            else if (part is not ("." or "")) parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private bool HasId(HtmlParser parser, string page, string id) =>
        parser.ParseDocument(File.ReadAllText(Path.Combine(_built.Output, page))).GetElementById(id) is not null;
}

/// <summary>The repository's own content, built once for the tests that only read the result.</summary>
public sealed class BuiltRepositorySite : IDisposable
{
    private readonly TestSite _site = TestSite.CopyOfRepository();

    public string Output => _site.Output;
    /// <summary>The path of the repository's base_url (https://example.org/fazhi/).</summary>
    public string HostPath => "/fazhi/";
    public IReadOnlyList<string> Pages { get; }
    public SiteGen.Build.BuildResult Result { get; }

    public BuiltRepositorySite()
    {
        Result = _site.Build();
        Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public void Dispose() => _site.Dispose();
}
