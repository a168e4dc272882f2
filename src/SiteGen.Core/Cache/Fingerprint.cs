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
        Add(BitConverter.GetBytes(text is null ? -1 : Encoding.UTF8.GetByteCount(text)));
        if (text is not null) _hash.AppendData(Encoding.UTF8.GetBytes(text));
        return this;
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
