using FluentAssertions;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Layout;

/// <summary>
/// The library's stages (its top-level namespaces) use one another one way only, so each can be read
/// knowing only the stages before it, and the README draws the graph as it is.
/// </summary>
public class StageGraphTests(ITestOutputHelper output)
{
    private static readonly StageGraph Graph = new(typeof(SiteGen.Build.SiteBuilder).Assembly.Location);

    [Fact]
    public void No_stage_uses_a_stage_that_uses_it()
    {
        output.WriteLine(Graph.Draw());
        var cycle = Graph.Cycle();
        cycle.Should().BeNull($"stages must import one way; this chain leads back to its start: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void The_search_index_writer_and_its_readers_share_only_the_format()
    {
        var search = new StageGraph(typeof(SiteGen.Build.SiteBuilder).Assembly.Location, "SiteGen.Search");
        output.WriteLine(search.Draw());
        search.Edges["Writer"].Should().Equal(["Format"], "the writer must not lean on the C# reader: the browser's reader has only the format");
        search.Edges["Reader"].Should().Equal(["Format"]);
        search.Edges["Format"].Should().BeEmpty();
    }

    [Fact]
    public void The_readme_draws_the_graph_as_the_code_has_it()
    {
        var readme = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "README.md")).Replace("\r\n", "\n");
        readme.Should().Contain("```text\n" + Graph.Draw() + "```", "README.md's \"Layout of the code\" shows the stage graph; copy it from this test's output");
    }
}
