using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Writer;

namespace SiteGen.Tests.Search;

/// <summary>
/// A patched segment's manifest entry and dictionary entries are those of the segment a cold build would write, worked
/// out without writing it: that form must give the same shard counts and terms as the files the cold build writes.
/// </summary>
public class SegmentWriterTests
{
    private const int ChunkPositions = 16;
    private static readonly double[] TypicalLengths = [12, 8, 2000];

    [Fact]
    public void A_segment_worked_out_without_writing_has_the_shard_counts_and_terms_of_the_one_written()
    {
        // Enough documents that a term's next document can lie more than 127 on (a two-byte gap in its postings).
        var documents = Documents(seed: 5, count: 300);
        var files = new Dictionary<string, string>();
        var written = Segment(documents).Finish((path, text) => { lock (files) files[path] = text; }, "g1");
        var worked = Segment(documents).Measure();

        written.Shards.Should().BeGreaterThan(1, "the test's segment has several count shards");
        written.PositionShards.Should().BeGreaterThan(1, "and position shards");
        written.Chunks.Should().NotBeEmpty("and pairs with chunks");
        worked.Shards.Should().Be(written.Shards);
        worked.PositionShards.Should().Be(written.PositionShards);
        worked.Terms.Keys.Should().Equal(written.Terms.Keys);
        worked.Terms.DocCounts.Should().Equal(written.Terms.DocCounts);
        worked.Terms.Bounds.Should().Equal(written.Terms.Bounds);
        files.Keys.Count(f => f.StartsWith($"{IndexFormat.Folder}/p", StringComparison.Ordinal)).Should().Be(written.PositionShards);
    }

    private static SegmentWriter Segment(IEnumerable<DocumentTerms.Encoded> documents)
    {
        var segment = new SegmentWriter(ChunkPositions, TypicalLengths);
        foreach (var document in documents) segment.Add(document);
        return segment;
    }

    /// <summary>Made-up documents over a few hundred characters: common pairs that have chunks, and many rare ones.</summary>
    private static List<DocumentTerms.Encoded> Documents(int seed, int count)
    {
        var random = new Random(seed);
        const string common = "法治政府建设年度报告推进依法行政工作情况";
        string Text(int length) => new(Enumerable.Range(0, length)
            .Select(_ => random.Next(3) == 0 ? common[random.Next(common.Length)] : (char)(0x4E00 + random.Next(400))).ToArray());
        return Enumerable.Range(0, count).Select(_ => new DocumentTerms().Encode([Text(12), Text(8), Text(200 + random.Next(400))])).ToList();
    }
}
