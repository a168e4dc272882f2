using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// Where each page lives in the output. Paths are ASCII, relative to the site root, and always name
/// a file (never a bare folder), because a browser opening the site from disk does not look for index.html.
/// </summary>
internal static class SitePaths
{
    public const string Home = "index.html";
    public const string NotFound = "404.html";
    public const string Stylesheet = "assets/style.css";
    public const string Search = "search.html";
    public const string SearchRuntime = "assets/search.js";
    public const string Download = "download.html";

    public static string ReportPath(string slug) => $"reports/{slug}.html";
    public static string ReportSourcePath(string slug) => $"reports/{slug}.md";

    /// <summary>Page <paramref name="number"/> (from 1) of the listing in <paramref name="folder"/>.</summary>
    public static string ListingPath(string folder, int number) =>
        number == 1 ? $"{folder}/index.html" : $"{folder}/page-{number}.html";

    /// <summary>The prefix that leads from the page at <paramref name="path"/> back to the site root.</summary>
    public static string RootFrom(string path) =>
        string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));

    /// <summary>A short, stable ASCII name for a value that has no ASCII name of its own.</summary>
    public static string StableId(string prefix, string value) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..10];
}
