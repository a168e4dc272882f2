using SiteGen.Content;

namespace SiteGen.Cache;

/// <summary>
/// A <see cref="Report"/> without its text, as bytes. Every field is here: a test loads the repository's
/// reports through the cache and without it and compares every property.
/// </summary>
internal static class ReportRecord
{
    public static void Write(BinaryWriter writer, Report report)
    {
        writer.Write(report.Slug);
        writer.Write(report.Title);
        writer.Write(report.DocType);
        WriteNumber(writer, report.Year);
        WriteText(writer, report.Publisher);
        WriteText(writer, report.Region.Province);
        WriteText(writer, report.Region.City);
        WriteText(writer, report.Region.County);
        WriteText(writer, report.Region.Code);
        WriteText(writer, report.Level);
        WriteNumber(writer, report.DateWritten?.DayNumber);
        WriteNumber(writer, report.DatePublished?.DayNumber);
        WriteText(writer, report.DocNumber);
        WriteText(writer, report.IndexNumber);
        WriteList(writer, report.Keywords);
        WriteText(writer, report.Abstract);
        WriteText(writer, report.Source.Site);
        WriteText(writer, report.Source.Url);
        WriteText(writer, report.Source.File);
        WriteList(writer, report.Warnings);
        writer.Write(report.BodyStart);
        writer.Write(report.BodyLine);
        writer.Write(report.BodyUnits);
        writer.Write(report.SourceKey);
    }

    /// <summary>The report, whose text the caller must give a way to read (<see cref="Report.ReadingTextAgain"/>).</summary>
    public static Report Read(BinaryReader reader, string sourcePath)
    {
        var (slug, title, docType, year, publisher) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), ReadNumber(reader), ReadText(reader));
        var region = new Region(ReadText(reader), ReadText(reader), ReadText(reader), ReadText(reader));
        return new Report
        {
            SourcePath = sourcePath,
            Slug = slug,
            Title = title,
            DocType = docType,
            Year = year,
            Publisher = publisher,
            Region = region,
            Level = ReadText(reader),
            DateWritten = ReadDate(reader),
            DatePublished = ReadDate(reader),
            DocNumber = ReadText(reader),
            IndexNumber = ReadText(reader),
            Keywords = ReadList(reader),
            Abstract = ReadText(reader),
            Source = new SourceInfo(ReadText(reader), ReadText(reader), ReadText(reader)),
            Warnings = ReadList(reader),
            BodyStart = reader.ReadInt32(),
            BodyLine = reader.ReadInt32(),
            BodyUnits = reader.ReadInt32(),
            SourceText = null!,
            SourceKey = reader.ReadString(),
        };
    }

    private static void WriteText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null) writer.Write(text);
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteNumber(BinaryWriter writer, int? number)
    {
        writer.Write(number.HasValue);
        if (number.HasValue) writer.Write(number.Value);
    }

    private static int? ReadNumber(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;

    private static DateOnly? ReadDate(BinaryReader reader) => ReadNumber(reader) is { } day ? DateOnly.FromDayNumber(day) : null;

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> items)
    {
        writer.Write(items.Count);
        foreach (var item in items) writer.Write(item);
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var items = new string[reader.ReadInt32()];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadString();
        return items;
    }
}
