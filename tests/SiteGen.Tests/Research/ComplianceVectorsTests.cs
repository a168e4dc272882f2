using System.Text.Json.Nodes;
using FluentAssertions;
using SiteGen.Site;

namespace SiteGen.Tests.Research;

/// <summary>
/// tests/vectors/compliance.json: the rates the compliance tables show, which C# writes into the pages and
/// compliance.js recomputes when a filter is chosen. ComplianceBrowserTests holds compliance.js to the same file.
/// </summary>
public class ComplianceVectorsTests
{
    public static JsonArray Cases { get; } =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "compliance.json")))!["percent"]!.AsArray();

    [Fact]
    public void The_pages_rates_meet_every_shared_vector()
    {
        foreach (var c in Cases)
        {
            var (part, whole) = (c!["part"]!.GetValue<int>(), c["whole"]!.GetValue<int>());
            ResearchPlanner.Percent(whole == 0 ? null : part / (double)whole).Should().Be(c["text"]!.GetValue<string>(), $"{part} of {whole}");
        }
    }
}
