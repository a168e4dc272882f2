using SiteGen.Cache;

namespace SiteGen.Research;

/// <summary>Body analyses kept between builds, one file per version of a report's file (see <see cref="BodyAnalyses.KeyOf"/>).</summary>
public sealed class AnalysisCache(BuildCache cache)
{
    public const string FolderName = "analyses";
    private const string Mark = "SGA1";
    private readonly string _folder = cache.ItemFolder(FolderName);

    public BodyAnalysis? Get(string key) => CacheFile.Read(CacheFile.PathOf(_folder, key), Mark, cache.Damage, reader =>
    {
        var sections = new SectionFound[reader.ReadInt32()];
        for (var i = 0; i < sections.Length; i++) sections[i] = new SectionFound(reader.ReadString(), reader.ReadString(), reader.ReadString());
        var paragraphs = new ParagraphPrint[reader.ReadInt32()];
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var excerpt = reader.ReadString();
            var signature = new uint[ParagraphPrint.Hashes];
            for (var h = 0; h < signature.Length; h++) signature[h] = reader.ReadUInt32();
            paragraphs[i] = new ParagraphPrint(excerpt, signature);
        }
        return new BodyAnalysis(sections, paragraphs, reader.ReadInt32());
    });

    public void Put(string key, BodyAnalysis analysis) => CacheFile.Write(CacheFile.PathOf(_folder, key), Mark, writer =>
    {
        writer.Write(analysis.Sections.Count);
        foreach (var section in analysis.Sections)
        {
            writer.Write(section.Code);
            writer.Write(section.Heading);
            writer.Write(section.Id);
        }
        writer.Write(analysis.Paragraphs.Count);
        foreach (var paragraph in analysis.Paragraphs)
        {
            writer.Write(paragraph.Excerpt);
            foreach (var value in paragraph.Signature) writer.Write(value);
        }
        writer.Write(analysis.Chars);
    });
}
