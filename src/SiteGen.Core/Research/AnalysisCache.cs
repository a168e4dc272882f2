using SiteGen.Cache;

namespace SiteGen.Research;

/// <summary>
/// Body analyses kept between builds, in <see cref="Shards"/> files by the first two characters of each analysis's key
/// (see <see cref="BodyAnalyses.KeyOf"/>). A file a report was written once cost more than the analyses themselves: 10,000
/// of them were 3 s of a cold build's 7. A shard is written again only when the set of keys it holds changes, holding
/// exactly the current reports' analyses, so it never keeps a deleted or edited report's; a shard no report needs is deleted.
/// </summary>
internal sealed class AnalysisCache(BuildCache cache)
{
    public const string FolderName = "analyses";
    public const int Shards = 256;
    private const string Mark = "SGA3";
    private readonly string _folder = cache.ShardFolder(FolderName);

    public static int ShardOf(string key) => Convert.ToInt32(key[..2], 16);

    /// <summary>The analyses a shard holds, by key; none when it is missing, from another SiteGen, or damaged.</summary>
    public IReadOnlyDictionary<string, BodyAnalysis> Read(int shard) =>
        CacheFile.Read(PathOf(shard), Mark, cache.Damage, reader =>
        {
            var count = reader.ReadInt32();
            var analyses = new Dictionary<string, BodyAnalysis>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++) analyses[reader.ReadString()] = ReadOne(reader);
            return analyses;
        }) ?? new Dictionary<string, BodyAnalysis>(StringComparer.Ordinal);

    public void Write(int shard, IReadOnlyDictionary<string, BodyAnalysis> analyses) => CacheFile.Write(PathOf(shard), Mark, writer =>
    {
        writer.Write(analyses.Count);
        foreach (var (key, analysis) in analyses.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            WriteOne(writer, analysis);
        }
    });

    /// <summary>Deletes the shards that hold no current report's analysis.</summary>
    public void KeepOnly(IReadOnlySet<int> shards)
    {
        if (!Directory.Exists(_folder)) return;
        for (var shard = 0; shard < Shards; shard++)
            if (!shards.Contains(shard)) File.Delete(PathOf(shard));
    }

    private string PathOf(int shard) => Path.Combine(_folder, $"{shard:x2}.bin");

    private static BodyAnalysis ReadOne(BinaryReader reader)
    {
        var sections = new SectionFound[reader.ReadInt32()];
        for (var i = 0; i < sections.Length; i++) sections[i] = new SectionFound(reader.ReadString(), reader.ReadString(), reader.ReadString());
        var paragraphs = new ParagraphPrints(reader.ReadString(), CacheFile.Ints(reader), CacheFile.Uints(reader));
        return new BodyAnalysis(sections, paragraphs, reader.ReadInt32());
    }

    private static void WriteOne(BinaryWriter writer, BodyAnalysis analysis)
    {
        writer.Write(analysis.Sections.Count);
        foreach (var section in analysis.Sections)
        {
            writer.Write(section.Code);
            writer.Write(section.Heading);
            writer.Write(section.Id);
        }
        writer.Write(analysis.Paragraphs.Excerpts);
        CacheFile.WriteArray(writer, analysis.Paragraphs.ExcerptStarts);
        CacheFile.WriteArray(writer, analysis.Paragraphs.Signatures);
        writer.Write(analysis.Chars);
    }
}
