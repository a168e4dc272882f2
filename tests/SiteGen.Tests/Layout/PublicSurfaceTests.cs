using System.Text.RegularExpressions;
using FluentAssertions;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Layout;

/// <summary>
/// What SiteGen.Core offers beyond itself is what the <c>sitegen</c> command needs, and the README lists it: every
/// other type is internal (the tests and benchmarks see them through InternalsVisibleTo), so a reader knows which
/// types are the library's surface and which are details a change may move.
/// </summary>
public partial class PublicSurfaceTests(ITestOutputHelper output)
{
    private static IReadOnlyList<string> PublicTypes() =>
        typeof(SiteGen.Build.SiteBuilder).Assembly.GetExportedTypes()
            .Select(t => t.FullName!.Replace('+', '.'))
            .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_readme_lists_every_public_type_and_no_other()
    {
        var types = PublicTypes();
        output.WriteLine($"{types.Count} public types:\n" + string.Join("\n", types));
        var readme = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "README.md")).Replace("\r\n", "\n");
        var section = Regex.Match(readme, @"\n### The library's public surface\n(.*?)\n#", RegexOptions.Singleline);
        section.Success.Should().BeTrue("README.md has a section \"### The library's public surface\"");
        var listed = ListedType().Matches(section.Groups[1].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        listed.Should().Equal(types, "the README lists SiteGen.Core's public types (namespace-qualified, in backticks)");
    }

    [GeneratedRegex(@"`(SiteGen\.[\w.]+)`")]
    private static partial Regex ListedType();
}
