using System.Text.RegularExpressions;
using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// FORMAT.md's table of files describes what a build writes under search/: every file a built index holds has a row,
/// and every row names files a build writes. (Version 13's rewrite of one row dropped the head files' row unnoticed.)
/// </summary>
public partial class FormatDocumentTests(SearchSite site) : IClassFixture<SearchSite>
{
    [Fact]
    public void Every_file_of_a_built_index_has_a_row_in_the_format_description()
    {
        var rows = FileRows();
        var unlisted = Files().Where(f => !rows.Any(r => r.Pattern.IsMatch(f))).ToList();

        unlisted.Should().BeEmpty("FORMAT.md's table of files should say what each of these holds");
    }

    [Fact]
    public void Every_row_of_the_format_description_names_files_a_build_writes()
    {
        // The fixture's layout (a report or two a segment, chunks of a few positions) makes files of every kind.
        var files = Files();
        var stale = FileRows().Where(r => !files.Any(r.Pattern.IsMatch)).Select(r => r.Name).ToList();

        stale.Should().BeEmpty();
    }

    private List<string> Files() => Directory.GetFiles(Path.Combine(site.Output, "search")).Select(Path.GetFileName).ToList()!;

    /// <summary>The table's first column, `search/NAME`, each &lt;placeholder&gt; standing for letters and digits.</summary>
    private static List<(string Name, Regex Pattern)> FileRows()
    {
        var format = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "src", "SiteGen.Core", "Search", "Format", "FORMAT.md"));
        var rows = Row().Matches(format).Select(m => m.Groups[1].Value).ToList();
        rows.Should().NotBeEmpty("FORMAT.md has a table of files whose rows start | `search/…` |");
        return rows.Select(name => (name, new Regex("^" + string.Join("[0-9a-z]+",
            Placeholder().Split(name).Select(Regex.Escape)) + "$"))).ToList();
    }

    [GeneratedRegex(@"^\| `search/([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex("<[a-z]+>")]
    private static partial Regex Placeholder();
}
