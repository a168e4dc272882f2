using System.Text;

namespace SiteGen.Content;

/// <summary>Reads editors' text files the one way every stage expects: UTF-8, LF line ends, no BOM.</summary>
internal static class TextFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes strict UTF-8; returns null for bytes that are not UTF-8 text.</summary>
    public static string? DecodeUtf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Whether bytes are UTF-8 text that <see cref="Normalize"/> leaves as it is: no BOM, no carriage return.</summary>
    public static bool IsNormalUtf8(ReadOnlySpan<byte> bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) && !bytes.StartsWith("\uFEFF"u8) && bytes.IndexOf((byte)'\r') < 0;

    public static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
