using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Cache;

/// <summary>
/// A short, stable name for some content: the first 128 bits of its SHA-256. Two inputs with the same
/// fingerprint are taken to be the same input, which is what lets a build reuse earlier work.
/// </summary>
internal sealed class Fingerprint
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public Fingerprint Add(string? text)
    {
        // A length prefix keeps ("ab","c") and ("a","bc") apart; -1 marks null.
        Span<byte> length = stackalloc byte[sizeof(int)];
        if (text is null)
        {
            BitConverter.TryWriteBytes(length, -1);
            return Add(length);
        }
        // Encoded into a lent buffer: every report's text is fingerprinted as it is read, 300 MB at 10,000 reports.
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        AddText(utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8)));
        ArrayPool<byte>.Shared.Return(utf8);
        return this;
    }

    /// <summary>A text already in UTF-8: the same fingerprint as <see cref="Add(string?)"/> of the string it encodes.</summary>
    public Fingerprint AddText(ReadOnlySpan<byte> utf8)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BitConverter.TryWriteBytes(length, utf8.Length);
        return Add(length).Add(utf8);
    }

    public Fingerprint Add(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        return this;
    }

    public string Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        _hash.Dispose();
        return Convert.ToHexStringLower(digest[..16]);
    }

    public static string Of(params string?[] parts)
    {
        var fingerprint = new Fingerprint();
        foreach (var part in parts) fingerprint.Add(part);
        return fingerprint.Finish();
    }
}
