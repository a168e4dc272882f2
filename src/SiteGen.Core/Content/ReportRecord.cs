
namespace SiteGen.Content;

/// <summary>
/// A <see cref="Report"/> without its text, as bytes: every front-matter field of <see cref="FrontMatterSchema"/>, then where
/// the body lies. A test loads the repository's reports through the cache and without it and compares every property.
/// </summary>
internal static class ReportRecord
{
    public static void Write(BinaryWriter writer, Report report)
    {
        foreach (var field in FrontMatterSchema.Fields) field.Save(writer, report);
        writer.Write(report.BodyStart);
        writer.Write(report.BodyLine);
        writer.Write(report.SourceKey);
    }

    /// <summary>The report, whose text the caller must give a way to read (<see cref="Report.ReadingTextAgain"/>).</summary>
    public static Report Read(BinaryReader reader, string sourcePath)
    {
        ReportFields fields = new Report { SourcePath = sourcePath, Slug = "", Title = "", SourceText = null!, SourceKey = "" };
        foreach (var field in FrontMatterSchema.Fields) fields = field.Load(reader, fields);
        return (Report)fields with
        {
            BodyStart = reader.ReadInt32(),
            BodyLine = reader.ReadInt32(),
            SourceKey = reader.ReadString(),
        };
    }
}
