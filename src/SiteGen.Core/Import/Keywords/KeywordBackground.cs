using SiteGen.Content;

namespace SiteGen.Import.Keywords;

/// <summary>Chooses what a batch's keywords are ranked against: the archive's own reports when it has enough, else SmartCn's dictionary.</summary>
internal static class KeywordBackground
{
    /// <summary>Fewer reports than this say too little about which words are common: the general dictionary decides.</summary>
    public const int MinReports = 20;

    /// <summary>At most this many reports are read (every n-th in name order): SmartCn reads about 1 MB a second.</summary>
    public const int MaxReports = 200;

    public static KeywordProposer For(string reportsFolder)
    {
        var files = Directory.Exists(reportsFolder)
            ? Directory.GetFiles(reportsFolder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count < MinReports) return KeywordProposer.General;
        var step = Math.Max(1, files.Count / MaxReports);
        var sample = files.Where((_, i) => i % step == 0).Take(MaxReports);
        return new KeywordProposer(new ArchiveRarity(sample.Select(Body)));
    }

    private static string Body(string file)
    {
        var text = TextFile.Normalize(File.ReadAllText(file));
        return FrontMatter.Split(text, file, new Diagnostics.DiagnosticBag()) is { } parts ? text[parts.BodyStart..] : text;
    }
}
