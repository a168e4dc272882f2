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

    private const string Mark = "SGB1";

    public RenderedBody? Get(string key) => CacheFile.Read(CacheFile.PathOf(folder, key), Mark, damage, reader =>
    {
        var html = reader.ReadString();
        var plain = reader.ReadString();
        var toc = new TocEntry[reader.ReadInt32()];
        for (var i = 0; i < toc.Length; i++) toc[i] = new TocEntry(reader.ReadInt32(), reader.ReadString(), reader.ReadString());
        return new RenderedBody(html, toc, plain);
    });

    public void Put(string key, RenderedBody body) => CacheFile.Write(CacheFile.PathOf(folder, key), Mark, writer =>
    {
        writer.Write(body.Html);
        writer.Write(body.PlainText);
        writer.Write(body.Toc.Count);
        foreach (var entry in body.Toc)
        {
            writer.Write(entry.Level);
            writer.Write(entry.Text);
            writer.Write(entry.Id);
        }
    });
}
