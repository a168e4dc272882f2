using System.Text.Json.Nodes;
using SiteGen.Cache;

namespace SiteGen.Search.Writer;

/// <summary>
/// A segment kept as the files an earlier build made of it (its base) and a delta: the documents edited since, as a
/// small segment of their own (FORMAT.md, Patches). An edit so writes a few files where remaking its segment wrote
/// thousands. Readers answer from the two exactly as from the segment a cold build makes, whose shard counts and term
/// summary (<see cref="Logical"/>) the build works out without writing its files.
/// </summary>
/// <param name="BaseKey">The base segment's fingerprint, which its files are named and reused by.</param>
/// <param name="Replaced">The documents (places in the segment, ascending) whose base entries the delta's replace, in the delta's order.</param>
internal sealed record SegmentPatch(string BaseKey, SegmentRecord Base, int[] Replaced)
{
    /// <summary>
    /// At most this many of a segment's documents are patched; an edit past it makes the segment whole again. A query
    /// reads a patched segment's delta besides its base, and each edit rewrites its segment's delta, about five files a
    /// report (10,000 generated reports: 48 files under search/ for the eighth edited report of a segment, 59 for the
    /// tenth): at 2,000 documents, 7 reports keep every edit under 50 files. Half a small segment's at most: a delta
    /// of the whole is no saving.
    /// </summary>
    public static int MaxReplaced(int documents) => Math.Min(documents / 2, Math.Max(2, documents / 256));

    /// <summary>What the delta's files hold: its own shards and chunks, named by <see cref="DeltaGeneration"/>.</summary>
    public SegmentRecord? Delta { get; set; }

    /// <summary>The segment a cold build makes of the same documents: its shard counts and term summary, no files.</summary>
    public SegmentRecord? Logical { get; set; }

    public string BaseGeneration => BaseKey[..10];

    /// <summary>The delta's files are named and reused by a fingerprint of the patched segment's.</summary>
    public static string DeltaKey(string segmentKey) => Fingerprint.Of(segmentKey, "delta");

    /// <summary>The manifest's description of the patch (FORMAT.md): the base's shard counts and generation, the delta's, the documents replaced.</summary>
    public JsonArray Describe(string deltaGeneration) =>
    [
        Base.Shards, Base.PositionShards, BaseGeneration, Delta!.Shards, Delta.PositionShards, deltaGeneration,
        new JsonArray(Replaced.Select(r => (JsonNode)r).ToArray()),
    ];
}
