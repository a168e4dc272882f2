using System.Numerics;
using System.Security.Cryptography;
using System.IO.Compression;
using System.Text;

namespace SiteGen.Search.Format;

/// <summary>The pieces of the index format (see FORMAT.md) that writer and reader share.</summary>
internal static class IndexFormat
{
    public const int Version = 16;

    /// <summary>Characters of the body in a document's head file, which makes most snippets without the whole text.</summary>
    public const int HeadLength = 1000;
    public const string Folder = "search";
    public const string Global = "SiteGenSearch";
    public static readonly string[] Fields = ["title", "meta", "body"];
    public static readonly double[] Weights = [3.0, 2.0, 1.0];

    /// <summary>Between the meta field's items (one a line): white space, so it matches as a space does.</summary>
    public const char MetaSeparator = '\n';

    /// <summary>FNV-1a over UTF-16 code units: simple enough to be computed the same in JavaScript.</summary>
    public static uint Hash(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }

    /// <summary>
    /// The terms a query part reads, pair by pair: a part of one unit is that unit; otherwise each pair of
    /// neighbouring units is its tight term (the two units: side by side in the text) and, where the query has
    /// a break between them, also its broken term (the two units with a space between: punctuation between them
    /// in the text).
    /// </summary>
    public static string[][] PartTerms(IReadOnlyList<Unit> units)
    {
        if (units.Count == 1) return [[units[0].Text]];
        return Enumerable.Range(0, units.Count - 1).Select(i => units[i + 1].Break
            ? new[] { units[i].Text + units[i + 1].Text, units[i].Text + " " + units[i + 1].Text }
            : [units[i].Text + units[i + 1].Text]).ToArray();
    }

    public static int ShardOf(string term, int shardCount) => (int)(Hash(term) % (uint)shardCount);

    public static void WriteVarint(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[5];
        stream.Write(bytes[..WriteVarint(bytes, value)]);
    }

    /// <returns>How many bytes it took.</returns>
    public static int WriteVarint(Span<byte> bytes, int value)
    {
        var v = (uint)value;
        var i = 0;
        while (v >= 0x80)
        {
            bytes[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        bytes[i++] = (byte)v;
        return i;
    }

    public static int VarintLength(int value) => value == 0 ? 1 : (38 - BitOperations.LeadingZeroCount((uint)value)) / 7;

    public static int ReadVarint(ReadOnlySpan<byte> bytes, ref int offset)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[offset++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return (int)value;
        }
    }

    /// <summary>
    /// The terms of a file laid out as a shard (count or position shard, chunk) or as a dictionary shard, in the file's
    /// order, each with where its entry's data starts and ends: in a shard its postings or positions (after the document
    /// count and their length), in a dictionary the list of segments <see cref="DictionaryEntry"/> reads (FORMAT.md, Files).
    /// </summary>
    public static IEnumerable<(string Term, int Start, int End)> Terms(byte[] bytes, bool dictionary)
    {
        var at = 0;
        for (var count = ReadVarint(bytes, ref at); count > 0; count--)
        {
            var length = ReadVarint(bytes, ref at);
            var term = Encoding.UTF8.GetString(bytes, at, length);
            at += length;
            var start = at;
            if (dictionary) for (var n = ReadVarint(bytes, ref at) * 3; n > 0; n--) ReadVarint(bytes, ref at);
            else
            {
                ReadVarint(bytes, ref at); // the document count, for readers that want it without decoding
                var size = ReadVarint(bytes, ref at);
                start = at;
                at += size;
            }
            yield return (term, start, at);
        }
    }

    /// <summary>A dictionary entry (see <see cref="Terms"/>): each segment that has the term, its documents there and the bound.</summary>
    public static List<(int Segment, int Documents, int Bound)> DictionaryEntry(byte[] bytes, int start)
    {
        var (at, segment, list) = (start, 0, new List<(int, int, int)>());
        for (var n = ReadVarint(bytes, ref at); n > 0; n--)
        {
            segment += ReadVarint(bytes, ref at);
            list.Add((segment, ReadVarint(bytes, ref at), ReadVarint(bytes, ref at)));
        }
        return list;
    }

    /// <summary>
    /// Data that compresses — term strings and counts, field texts — is deflated (raw DEFLATE, RFC 1951) before it
    /// is written as a <see cref="Literal"/>: shards by 3.2×, texts by 2.4× on the generated archive. search.js
    /// inflates it itself (tests/vectors/format.json). Positions are not: their Rice-coded gaps do not compress.
    /// </summary>
    public static string Packed(ReadOnlySpan<byte> data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(data);
        return Literal(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Text (JSON) packed as <see cref="TextCode"/> codes it. <see cref="TextOf"/> reads it.</summary>
    public static string Packed(string text) => Packed(TextCode.Bytes(text));

    /// <summary>The text of a literal <see cref="Packed(string)"/> made, from what stands between its quotes.</summary>
    /// <exception cref="InvalidDataException">Data no text was packed as.</exception>
    public static string TextOf(ReadOnlySpan<char> literal) => TextCode.Text(Unpacked(literal));

    /// <param name="literal">What stands between the quotes of a <see cref="Packed(ReadOnlySpan{byte})"/> literal.</param>
    public static byte[] Unpacked(ReadOnlySpan<char> literal)
    {
        using var inflate = new DeflateStream(new MemoryStream(BytesOf(literal)), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// Binary data as a JavaScript string literal, quotes included, 15 bits a character: the bytes' bits, low bit
    /// first, are cut into fifteens (the last padded with zero bits), and each value v is written as the character
    /// whose two bytes are 0x21 + v ÷ 182 and 0x21 + v mod 182, both in 0x21–0xD6; a last character that holds 7 bits or
    /// fewer is written with v = 32,768 + its bits, which tells a reader that its padding is not one more byte. So every
    /// character is in U+2121–U+D6D6 (no quote, backslash, line break or surrogate: nothing to escape), and a file in
    /// UTF-16 (<see cref="FileBytes"/>) has its data in 182 byte values, which gzip and the zip code in about 7.6 bits
    /// each: 0.93× the bytes of version 13's 7-bit ASCII on disk and no more compressed. The data is
    /// ⌊15 × characters ÷ 8⌋ bytes long, or ⌊(15 × characters − 8) ÷ 8⌋ when the last character is short.
    /// </summary>
    public static string Literal(ReadOnlySpan<byte> data)
    {
        // Written by hand, straight into the string, as this makes gigabytes at 100,000 reports.
        return string.Create((data.Length * 8 + LiteralBits - 1) / LiteralBits + 2, data, static (text, data) =>
        {
            var length = 0;
            text[length++] = '"';
            uint pending = 0;
            var bits = 0;
            foreach (var b in data)
            {
                pending |= (uint)b << bits;
                for (bits += 8; bits >= LiteralBits; bits -= LiteralBits, pending >>= LiteralBits)
                    text[length++] = LiteralChar(pending & LiteralMask);
            }
            if (bits > 0) text[length++] = LiteralChar(bits <= 7 ? ShortLast + pending : pending);
            text[length] = '"';
        });
    }

    private const int LiteralBits = 15, LiteralMask = (1 << LiteralBits) - 1, ShortLast = 1 << LiteralBits;
    private const int LiteralRadix = 182, LiteralByte = 0x21;

    private static char LiteralChar(uint value) => (char)((LiteralByte + value / LiteralRadix) << 8 | (LiteralByte + value % LiteralRadix));

    /// <summary>The bytes of a <see cref="Literal"/>, from what stands between its quotes.</summary>
    public static byte[] BytesOf(ReadOnlySpan<char> literal)
    {
        var isShort = literal.Length > 0 && ValueOf(literal[^1]) >= ShortLast;
        var bytes = new byte[(literal.Length * LiteralBits - (isShort ? 8 : 0)) / 8];
        uint pending = 0;
        int bits = 0, length = 0;
        for (var i = 0; i < literal.Length; i++)
        {
            var last = isShort && i == literal.Length - 1;
            var value = ValueOf(literal[i]) - (last ? ShortLast : 0);
            if (value < 0 || value > (last ? 0x7F : LiteralMask)) throw new InvalidDataException($"not index data: U+{(int)literal[i]:X4}");
            pending |= (uint)value << bits;
            for (bits += LiteralBits; bits >= 8 && length < bytes.Length; bits -= 8, pending >>= 8) bytes[length++] = (byte)pending;
        }
        return bytes;
    }

    /// <summary>A literal character's value, or −1 if a byte of it is out of range.</summary>
    private static int ValueOf(char c)
    {
        int high = (c >> 8) - LiteralByte, low = (c & 0xFF) - LiteralByte;
        return high is >= 0 and < LiteralRadix && low is >= 0 and < LiteralRadix ? high * LiteralRadix + low : -1;
    }

    /// <summary>
    /// A script of the index as its file holds it: in UTF-16 (little-endian, with a byte order mark, which browsers
    /// and both readers go by whatever a host declares) when that is smaller, as it is for any file with data in it,
    /// else in UTF-8.
    /// </summary>
    public static byte[] FileBytes(string script)
    {
        if (Encoding.UTF8.GetByteCount(script) <= 2 * script.Length + 2) return Encoding.UTF8.GetBytes(script);
        var bytes = new byte[2 + 2 * script.Length];
        (bytes[0], bytes[1]) = (0xFF, 0xFE);
        Encoding.Unicode.GetBytes(script, bytes.AsSpan(2));
        return bytes;
    }

    /// <summary>Whether files of a kind hold packed data (the dictionary, count shards, heads and texts).</summary>
    public static bool IsPacked(string kind) => kind is Shard or Dictionary or Head or Text;

    /// <summary>A classic script that hands its data to the global callback: loads from file:// where fetch cannot.</summary>
    public static string Script(string callback, string arguments) => Call(callback, arguments, "");

    /// <summary>
    /// A file's script, which names the file (its name without ".js") before its data, so a reader knows
    /// which of the files it asked for has arrived.
    /// </summary>
    public static string NamedScript(string callback, string fileName, string data) => Call(callback, $"\"{fileName[..^3]}\",", data);

    // The arguments joined in one go with the call around them: the data is most of a file, and the index's files are
    // 290 MB at 10,000 reports.
    private static string Call(string callback, string arguments, string moreArguments) =>
        string.Concat([Global, ".", callback, "(", arguments, moreArguments, ");\n"]);

    /// <summary>Shards are named by number and by their segment's generation: the manifest need not list them.</summary>
    public static string ShardName(string kind, int shard, string generation) => $"{kind[0]}{shard}-{generation}.js";

    /// <summary>A shard of the term dictionary, named by the dictionary's generation.</summary>
    public static string DictionaryName(int shard, string generation) => $"dict{shard}-{generation}.js";

    /// <summary>The callbacks of the term dictionary's shards and of a segment's columns file.</summary>
    public const string Dictionary = "dictionary", Columns = "columns";

    /// <summary>
    /// The head of a segment's document <paramref name="local"/> (its id less the segment's start): what its result
    /// shows. Named by its place, so a result loads it straight away; made, and reused, with the segment.
    /// </summary>
    public static string HeadName(int local, string generation) => $"h{local}-{generation}.js";

    /// <summary>A segment's columns: what its documents are scored, filtered and counted by.</summary>
    public static string ColumnsName(string generation) => $"m-{generation}.js";

    /// <summary>The kinds of shard, which are also their callbacks: documents and counts, pairs' positions, and chunks of a common pair's positions.</summary>
    public const string Shard = "shard", PositionShard = "positions", Chunk = "chunk";

    /// <summary>The callbacks of a document's head and text files.</summary>
    public const string Head = "head", Text = "text";

    /// <summary>
    /// Positions per chunk, about. A pair with more positions than this in a segment keeps them in chunk files
    /// of a few documents each, so a query that checks a handful of documents reads a handful of chunks, not
    /// every position of 政府 in the archive.
    /// </summary>
    public const int ChunkPositions = 2048;

    /// <summary>Files a query reads beyond its page to count exactly without being asked: about 250 KB of chunks and shards.</summary>
    public const int CountingBudget = 64;

    /// <summary>
    /// How a pair's documents in a segment are cut into chunks, from each one's positions and score before idf
    /// (<see cref="Bm25.BeforeIdf"/>), both in id order; null when the pair has few enough positions to stay in its
    /// position shard (<paramref name="chunkPositions"/>, the manifest's <c>chunkPositions</c>). The documents go
    /// best score first (ties: lower id first), and a chunk closes once it holds <paramref name="chunkPositions"/>
    /// unless fewer than half that many would be left (the last chunk takes them):
    /// so the reports a query checks first, those its parts score best in, share a few chunks instead of one
    /// each. Readers work the chunks out from the counts and lengths, so no file lists them.
    /// </summary>
    /// <param name="score">The score of the document at an index; asked only when the pair is chunked.</param>
    public static ChunkLayout? Chunks(IReadOnlyList<int> positions, Func<int, double> score, int chunkPositions)
    {
        long total = 0;
        foreach (var count in positions) total += count;
        if (!IsChunked(total, chunkPositions)) return null;
        var order = BestFirst(positions.Count, score);
        var chunkOf = new int[positions.Count];
        int chunk = 0, held = 0;
        var left = total;
        foreach (var i in order)
        {
            chunkOf[i] = chunk;
            held += positions[i];
            left -= positions[i];
            // A tail of fewer than half of chunkPositions joins the chunk before it: a file costs a page from file://
            // about what 40 KB do (FINDINGS), and such tails were 17–19% of the chunk files. Larger tails stay apart:
            // joined, they grew the first chunks most queries read alone (100,000 reports: 5% more bytes a query).
            if (held >= chunkPositions && left * 2 >= chunkPositions) (chunk, held) = (chunk + 1, 0);
        }
        return new ChunkLayout(order, chunkOf);
    }

    /// <summary>Whether a pair with this many positions in a segment has chunks there, not a place in its position shards.</summary>
    public static bool IsChunked(long positions, int chunkPositions) => positions > chunkPositions;

    /// <summary>
    /// Indexes 0…count−1 by score, highest first, ties lower index first: sorted as numbers, the scores negated, and then
    /// each run of equal scores put back in index order. LINQ's stable sort gave the same order at twice the cost, most of
    /// it in comparisons through delegates (1.5 s of a cold build's CPU at 10,000 reports).
    /// </summary>
    private static int[] BestFirst(int count, Func<int, double> score)
    {
        var keys = new double[count];
        var order = new int[count];
        for (var i = 0; i < count; i++) (keys[i], order[i]) = (-score(i), i);
        Array.Sort(keys, order);
        for (int start = 0, end; start < count; start = end)
        {
            for (end = start + 1; end < count && keys[end] == keys[start]; end++) { }
            if (end - start > 1) Array.Sort(order, start, end - start);
        }
        return order;
    }

    /// <summary>A pair's documents (by their index in id order) in the order its chunks hold them, and the chunk of each.</summary>
    public sealed record ChunkLayout(int[] Order, int[] ChunkOf);

    /// <summary>A chunk file: by the pair's hash, so pairs that share one also share the file (which names each term it holds).</summary>
    public static string ChunkName(string term, int chunk, string generation) => $"c{Hash(term):x8}-{chunk}-{generation}.js";

    /// <summary>A file name that changes whenever the data does, so hosts can cache it forever.</summary>
    public static string HashedName(string stem, string data) =>
        $"{stem}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(data)))[..10]}.js";

    /// <summary>A document's text file, named by the fingerprint of what it is made from.</summary>
    public static string TextName(string documentKey) => $"t-{documentKey[..16]}.js";

    /// <summary>
    /// The file pages name; the rest are found through it. Its name is fixed so that a change to the index
    /// does not change every page; the files it names carry hashes, and hosts should revalidate it.
    /// </summary>
    public const string Manifest = Folder + "/index.js";

    /// <summary>
    /// Whether a site file (its path in the site) is one of the index's files that hold their data as a literal, packed or
    /// Rice-coded: every one but the manifest. A general compressor finds no repeats in them, only the literal's 182 byte values.
    /// </summary>
    public static bool IsCompressed(string sitePath) => sitePath.StartsWith(Folder + "/", StringComparison.Ordinal) && sitePath != Manifest;
}
