using System.Text;
using SiteGen.Rendering;

namespace SiteGen.Cache;

/// <summary>
/// Rendered report bodies kept between builds, one file per distinct body, named by the fingerprint of
/// the Markdown and of the SiteGen build that rendered it. A file that cannot be read is a miss.
/// </summary>
public sealed class BodyCache(string folder)
{
    private const string Magic = "SGB1";

    public string KeyOf(string markdown) => Fingerprint.Of(BuildCache.ProgramVersion, markdown);

    public RenderedBody? Get(string key)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(PathOf(key)), Encoding.UTF8);
            if (reader.ReadString() != Magic) return null;
            var html = reader.ReadString();
            var plain = reader.ReadString();
            var toc = new TocEntry[reader.ReadInt32()];
            for (var i = 0; i < toc.Length; i++) toc[i] = new TocEntry(reader.ReadInt32(), reader.ReadString(), reader.ReadString());
            return reader.ReadString() == Magic ? new RenderedBody(html, toc, plain) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
        {
            return null;
        }
    }

    public void Put(string key, RenderedBody body)
    {
        var file = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.tmp-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(body.Html);
            writer.Write(body.PlainText);
            writer.Write(body.Toc.Count);
            foreach (var entry in body.Toc)
            {
                writer.Write(entry.Level);
                writer.Write(entry.Text);
                writer.Write(entry.Id);
            }
            writer.Write(Magic); // a file cut short lacks it, and is a miss
        }
        File.Move(temporary, file, overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(folder, key[..2], key + ".bin");
}
