using SiteGen.Cache;

namespace SiteGen.Rendering;

/// <summary>
/// Rendered report bodies kept between builds, one file per report file, named by the fingerprint of
/// the file and of the SiteGen build that rendered it (<see cref="RenderedBodies.KeyOf"/>). A file that
/// cannot be read is a miss.
/// </summary>
internal sealed class BodyCache(string folder, CacheDamage damage)
{
    public BodyCache(BuildCache cache) : this(cache.ItemFolder("bodies"), cache.Damage) { }

    private const string Mark = "SGB2";

    public RenderedBody? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, damage, reader =>
    {
        var html = reader.ReadString();
        var plain = reader.ReadString();
        var whole = reader.ReadBoolean();
        var toc = new TocEntry[reader.ReadInt32()];
        for (var i = 0; i < toc.Length; i++) toc[i] = new TocEntry(reader.ReadInt32(), reader.ReadString(), reader.ReadString());
        return new RenderedBody(html, toc, plain) { Whole = whole };
    });

    /// <summary>Keeps the body with only the start of its text (<see cref="RenderedBody.Shortened"/>): at 10,000 reports the bodies were 600 MB, about as much text as HTML.</summary>
    public void Put(string key, RenderedBody body) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        var kept = body.Shortened();
        writer.Write(kept.Html);
        writer.Write(kept.PlainText);
        writer.Write(kept.Whole);
        writer.Write(kept.Toc.Count);
        foreach (var entry in kept.Toc)
        {
            writer.Write(entry.Level);
            writer.Write(entry.Text);
            writer.Write(entry.Id);
        }
    });
}
