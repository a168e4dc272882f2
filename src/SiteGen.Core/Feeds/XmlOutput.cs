using System.Text;
using System.Xml;

namespace SiteGen.Feeds;

internal static class XmlOutput
{
    /// <summary>Writes an XML document to UTF-8 bytes without a BOM, indented, with LF line ends.</summary>
    public static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            NewLineChars = "\n",
            CheckCharacters = false,
        };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Drops characters XML 1.0 cannot carry, which pasted text sometimes holds.</summary>
    public static string Clean(string text) =>
        new(text.Where(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !char.IsSurrogate(c))).ToArray());
}
