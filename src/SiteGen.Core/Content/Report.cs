using SiteGen.Search.Format;

namespace SiteGen.Content;

/// <summary>One report of the archive: its front matter, made typed, and its Markdown body.</summary>
public sealed record Report
{
    /// <summary>Path of the source file relative to the site's source folder, with '/' separators.</summary>
    public required string SourcePath { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string DocType { get; init; }
    public int? Year { get; init; }
    public string? Publisher { get; init; }
    public Region Region { get; init; } = Region.Unknown;
    public string? Level { get; init; }
    public DateOnly? DateWritten { get; init; }
    public DateOnly? DatePublished { get; init; }
    public string? DocNumber { get; init; }
    public string? IndexNumber { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? Abstract { get; init; }
    public SourceInfo Source { get; init; } = SourceInfo.None;
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>The Markdown body, after the closing '---': a part of <see cref="SourceText"/>, made when asked for.</summary>
    public string Body => SourceText[BodyStart..];
    /// <summary>Where in <see cref="SourceText"/> the body starts.</summary>
    public int BodyStart { get; init; }
    /// <summary>
    /// Searchable characters in the Markdown body (see <see cref="Search.Format.TextUnits"/>): what the index's
    /// typical body length is averaged from before any body is rendered. Counted when asked for, unless the reader or cache knew it.
    /// </summary>
    public int BodyUnits { get => _bodyUnits ??= Search.Format.TextUnits.Count(SourceText.AsSpan(BodyStart)); init => _bodyUnits = value; }
    private int? _bodyUnits;

    /// <summary>The line of the file on which <see cref="Body"/> starts.</summary>
    public int BodyLine { get; init; }
    /// <summary>
    /// The file's text as the editor wrote it, published as the report's Markdown source. A report that
    /// <see cref="ContentLoader"/> loaded does not keep it: the file is read again each time, so an archive's
    /// texts are never all in memory at once (100,000 reports are 2 GB of text).
    /// </summary>
    public required string SourceText { get => _sourceText ?? _readAgain!(); init => _sourceText = value; }

    /// <summary>The fingerprint of <see cref="SourceText"/>: what a report's outputs are made from.</summary>
    public required string SourceKey { get; init; }

    private string? _sourceText;
    private Func<string>? _readAgain;

    /// <summary>This report without its text in memory: <paramref name="readAgain"/> gives it when asked.</summary>
    internal Report ReadingTextAgain(Func<string> readAgain) => this with { _sourceText = null, _readAgain = readAgain };

    /// <summary>The date a reader would call the report's date: published, else written.</summary>
    public DateOnly? Date => DatePublished ?? DateWritten;

    /// <summary>Where front matter key <paramref name="key"/> is written (at any indentation), or the top of the file: for errors found after loading.</summary>
    public (int Line, int Column) LineOf(string key)
    {
        var lines = SourceText.Split('\n');
        for (var i = 1; i < lines.Length && i < BodyLine - 1; i++)
        {
            var trimmed = lines[i].TrimStart(' ');
            if (trimmed.StartsWith(key + ":", StringComparison.Ordinal)) return (i + 1, lines[i].Length - trimmed.Length + 1);
        }
        return (1, 1);
    }
}

public sealed record Region(string? Province, string? City, string? County, string? Code)
{
    public static readonly Region Unknown = new(null, null, null, null);

    public bool IsKnown => Province is not null || City is not null || County is not null;

    /// <summary>
    /// Province, city and county, from the widest to the narrowest, skipping the unknown and a level that
    /// repeats the one above it (东莞市 is both the city and its own county-level unit).
    /// </summary>
    public IEnumerable<string> Names()
    {
        string? previous = null;
        foreach (var name in new[] { Province, City, County })
        {
            if (name is not null && name != previous) yield return name;
            previous = name ?? previous;
        }
    }

    public string Display => string.Join(" ", Names());
}

public sealed record SourceInfo(string? Site, string? Url, string? File)
{
    public static readonly SourceInfo None = new(null, null, null);
}
