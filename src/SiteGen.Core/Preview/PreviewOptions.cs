namespace SiteGen.Preview;

/// <param name="Port">The port to listen on; 0 lets the system choose a free one (see <see cref="PreviewServer.Url"/>).</param>
public sealed record PreviewOptions(string SourceRoot, string Host = "127.0.0.1", int Port = 8080)
{
    /// <summary>How long the source must be quiet before a rebuild: a burst of saves gives one build.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(150);
    /// <summary>Where the preview site is built; by default a folder in .sitegen/ of the source.</summary>
    public string? OutputPath { get; init; }
    public TextWriter Log { get; init; } = TextWriter.Null;
}
