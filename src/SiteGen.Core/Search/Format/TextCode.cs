using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SiteGen.Search.Format;

/// <summary>
/// Text in packed files (heads, texts, columns' values) as bytes before it is deflated (FORMAT.md, Coded text). UTF-16
/// splits a Chinese character into two bytes of unrelated statistics, which DEFLATE's byte-wise codes model poorly; here
/// the 160 characters most frequent in government reports take one byte, the rest of <c>alphabet.json</c> and the
/// usual Chinese ranges two, anything else four. Deflated, that is 0.75× UTF-16's bytes on real reports. The alphabet
/// is fixed by the format version, so a report's coded text depends on nothing but the report.
/// </summary>
internal static class TextCode
{
    /// <summary>Characters by rank: the most frequent in the repository's seed pages and reports, then ASCII's rest.</summary>
    public static string Alphabet { get; } = ReadAlphabet();

    /// <summary>Ranges of characters outside the alphabet that take two bytes, in code order after the alphabet's.</summary>
    private static readonly (int Start, int End)[] Zones =
        [(0x4E00, 0xA000), (0x3000, 0x3040), (0xFF00, 0xFFF0), (0x2000, 0x2070), (0x00A0, 0x0100), (0x2460, 0x2500)];

    private const int OneByte = 160, Escape = 255;

    /// <summary>Each UTF-16 unit's code (below <see cref="OneByte"/>: one byte), or −1 for an escape.</summary>
    private static readonly int[] CodeOf = new int[0x10000];

    /// <summary>Each code's character.</summary>
    private static readonly char[] CharOf;

    static TextCode()
    {
        var chars = new List<char>(Alphabet);
        foreach (var (start, end) in Zones)
            for (var c = start; c < end; c++) chars.Add((char)c);
        if (chars.Count - OneByte > (Escape - OneByte) << 8) throw new InvalidOperationException("alphabet.json: too many codes for two bytes");
        CharOf = [.. chars];
        Array.Fill(CodeOf, -1);
        for (var code = chars.Count - 1; code >= 0; code--) CodeOf[chars[code]] = code; // the alphabet's rank wins
    }

    public static byte[] Bytes(string text)
    {
        // Coded into a pooled buffer and copied out at its size: four bytes a character, allocated afresh, would put a
        // 30,000-character body on the large object heap, which only full collections reclaim.
        var buffer = ArrayPool<byte>.Shared.Rent(4 * text.Length);
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var code = CodeOf[c];
            if (code >= 0 && code < OneByte) buffer[length++] = (byte)code;
            else if (code >= 0)
            {
                buffer[length++] = (byte)(OneByte + ((code - OneByte) >> 8));
                buffer[length++] = (byte)(code - OneByte);
            }
            else
            {
                // A pair of surrogates escapes as its scalar, a lone one as itself, so every string comes back as it was.
                var value = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(c, text[++i]) : c;
                buffer[length++] = Escape;
                buffer[length++] = (byte)(value >> 16);
                buffer[length++] = (byte)(value >> 8);
                buffer[length++] = (byte)value;
            }
        }
        var bytes = buffer.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        return bytes;
    }

    /// <exception cref="InvalidDataException">Bytes no text was coded as.</exception>
    public static string Text(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length;)
        {
            int b = bytes[i++];
            if (b < OneByte) text.Append(CharOf[b]);
            else if (b < Escape)
            {
                var code = i < bytes.Length ? OneByte + ((b - OneByte) << 8 | bytes[i++]) : int.MaxValue;
                if (code >= CharOf.Length) throw new InvalidDataException("coded text that ends early or names no character");
                text.Append(CharOf[code]);
            }
            else
            {
                var value = i + 3 <= bytes.Length ? bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2] : int.MaxValue;
                if (value > 0x10FFFF) throw new InvalidDataException("coded text that ends early or names no character");
                i += 3;
                if (value > 0xFFFF) text.Append(char.ConvertFromUtf32(value));
                else text.Append((char)value);
            }
        }
        return text.ToString();
    }

    private static string ReadAlphabet()
    {
        // A JSON string, so that no editor trims the space or the line feed it holds.
        using var stream = typeof(TextCode).Assembly.GetManifestResourceStream("alphabet.json")!;
        return JsonSerializer.Deserialize<string>(stream)!;
    }
}
