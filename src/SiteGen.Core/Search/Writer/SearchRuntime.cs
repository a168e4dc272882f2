using System.Text;
using NUglify;

namespace SiteGen.Search.Writer;

/// <summary>
/// The browser engine (Browser/search.js) as the site ships it: minified by NUglify, which took it from 13.9 KB
/// to 7.7 KB gzipped; every query of a cold page downloads it. The readable file stays the source.
/// </summary>
internal static class SearchRuntime
{
    private static readonly Lazy<byte[]> Minified = new(Minify);

    public static byte[] Bytes => Minified.Value;

    private static byte[] Minify()
    {
        using var stream = typeof(SearchRuntime).Assembly.GetManifestResourceStream("search.js")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = Uglify.Js(reader.ReadToEnd());
        // A runtime the minifier could not read is a fault of this program, not of the site being built.
        if (result.HasErrors) throw new InvalidOperationException("search.js: " + string.Join("; ", result.Errors));
        return Encoding.UTF8.GetBytes(result.Code + "\n");
    }
}
