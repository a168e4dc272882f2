using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NUglify;
using SiteGen.Cache;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>
/// The browser engine (Browser/search.js) as the site ships it: minified by NUglify, which took it from 13.9 KB
/// to 7.7 KB gzipped; every query of a cold page downloads it. The readable file stays the source.
/// </summary>
internal static class SearchRuntime
{
    private static readonly Lazy<byte[]> Minified = new(Minify);

    public static byte[] Bytes => Minified.Value;

    /// <summary>What the runtime is made from: SiteGen itself (the source and the alphabet are in its assembly).</summary>
    public static string Key { get; } = Fingerprint.Of(BuildCache.ProgramVersion, "search.js");

    private static byte[] Minify()
    {
        var result = Uglify.Js(Source());
        // A runtime the minifier could not read is a fault of this program, not of the site being built.
        if (result.HasErrors) throw new InvalidOperationException("search.js: " + string.Join("; ", result.Errors));
        return Encoding.UTF8.GetBytes(result.Code + "\n");
    }

    /// <summary>search.js with the alphabet of coded text (Format/alphabet.json) in place, which both engines read.</summary>
    public static string Source()
    {
        using var stream = typeof(SearchRuntime).Assembly.GetManifestResourceStream("search.js")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var parts = reader.ReadToEnd().Split(AlphabetPlace);
        if (parts.Length != 2) throw new InvalidOperationException($"search.js: {AlphabetPlace} should stand there once");
        return parts[0] + JsonSerializer.Serialize(TextCode.Alphabet, Json) + parts[1];
    }

    private const string AlphabetPlace = "\"$ALPHABET\"";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
