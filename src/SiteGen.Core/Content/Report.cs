namespace SiteGen.Content;

/// <summary>One report of the archive: its front matter, made typed, and its Markdown body.</summary>
internal sealed record Report : ReportFields
{
    /// <summary>Path of the source file relative to the site's source folder, with '/' separators.</summary>
    public required string SourcePath { get; init; }
    public required string Slug { get; init; }
    /// <summary>The Markdown body, after the closing '---': a part of <see cref="SourceText"/>, made when asked for.</summary>
    public string Body => SourceText[BodyStart..];
    /// <summary>Where in <see cref="SourceText"/> the body starts.</summary>
    public int BodyStart { get; init; }
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

    /// <summary><see cref="SourceText"/> in UTF-8, as the site publishes it (<c>reports/x.md</c>).</summary>
    public byte[] SourceBytes => _sourceText is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : _readBytesAgain!();

    private string? _sourceText;
    private Func<string>? _readAgain;
    private Func<byte[]>? _readBytesAgain;

    /// <summary>This report without its text in memory: <paramref name="readAgain"/> gives it when asked, <paramref name="readBytesAgain"/> in UTF-8.</summary>
    internal Report ReadingTextAgain(Func<string> readAgain, Func<byte[]> readBytesAgain) =>
        this with { _sourceText = null, _readAgain = readAgain, _readBytesAgain = readBytesAgain };

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
