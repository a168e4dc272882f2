using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SiteGen.Research;

/// <summary>
/// A report's body paragraphs long enough to matter, each as a MinHash signature: the minima of <see cref="Hashes"/> hash
/// functions over its 5-character shingles, after punctuation, symbols and white space are taken out. Two paragraphs'
/// signatures agree in about the share of positions that their shingle sets overlap (Jaccard), so a copy with its
/// punctuation changed, or a year changed, still matches. A report's prints are held flat, its signatures in one array
/// and its excerpts in one string: at 100,000 reports an object a paragraph was 13 million objects that every full
/// collection walked, and the join (<see cref="SharedParagraphs"/>) spent more time in those collections than in its work.
/// </summary>
internal sealed class ParagraphPrints
{
    /// <summary>Shorter paragraphs (after normalising) are stock phrases, not copying.</summary>
    public const int MinChars = 50;
    public const int Hashes = 32; // Sign keeps four vectors of eight: change both together
    private const int Shingle = 5;
    private const int ExcerptChars = 40;

    public static readonly ParagraphPrints None = new("", [0], []);

    /// <param name="excerpts">Every paragraph's excerpt, one after another.</param>
    /// <param name="excerptStarts">Where each paragraph's excerpt starts in <paramref name="excerpts"/>, and (last) where the last one ends.</param>
    /// <param name="signatures"><see cref="Hashes"/> values a paragraph, paragraph after paragraph.</param>
    public ParagraphPrints(string excerpts, int[] excerptStarts, uint[] signatures)
    {
        var agree = excerptStarts.Length > 0 && signatures.Length == (excerptStarts.Length - 1) * Hashes && excerptStarts[0] == 0 && excerptStarts[^1] == excerpts.Length;
        for (var i = 1; agree && i < excerptStarts.Length; i++) agree = excerptStarts[i - 1] <= excerptStarts[i];
        if (!agree) throw new FormatException("paragraph prints whose parts do not agree"); // a damaged cache file
        (Excerpts, ExcerptStarts, Signatures) = (excerpts, excerptStarts, signatures);
    }

    public int Count => ExcerptStarts.Length - 1;
    public string Excerpts { get; }
    public int[] ExcerptStarts { get; }
    public uint[] Signatures { get; }

    /// <summary>The first characters of paragraph <paramref name="i"/>, for a reader to recognise it.</summary>
    public string Excerpt(int i) => Excerpts[ExcerptStarts[i]..ExcerptStarts[i + 1]];

    public ReadOnlySpan<uint> Signature(int i) => Signatures.AsSpan(i * Hashes, Hashes);

    /// <summary>The prints of every paragraph of <paramref name="plainText"/> (one paragraph a line) of at least <see cref="MinChars"/>.</summary>
    public static ParagraphPrints Of(string plainText) => Of(plainText.Split('\n'));

    /// <summary>The prints of the paragraphs given of at least <see cref="MinChars"/> (as <see cref="Length"/> counts).</summary>
    public static ParagraphPrints Of(IEnumerable<string> paragraphs) => Of(paragraphs.Select(p => (p, Length(p))));

    /// <summary>The prints of paragraphs already measured (<see cref="Length"/>), for a caller that needs their lengths too.</summary>
    public static ParagraphPrints Of(IEnumerable<(string Text, int Length)> paragraphs)
    {
        var kept = paragraphs.Where(p => p.Length >= MinChars).Select(p => p.Text).ToList();
        var excerpts = new System.Text.StringBuilder();
        var starts = new int[kept.Count + 1];
        var signatures = new uint[kept.Count * Hashes];
        for (var i = 0; i < kept.Count; i++)
        {
            var excerpt = kept[i].Trim();
            excerpts.Append(excerpt.Length <= ExcerptChars ? excerpt : excerpt[..ExcerptChars] + "…");
            starts[i + 1] = excerpts.Length;
            Sign(kept[i], signatures.AsSpan(i * Hashes, Hashes));
        }
        return new ParagraphPrints(excerpts.ToString(), starts, signatures);
    }

    /// <summary>Letters and digits only: what copying keeps when punctuation and spacing are redone.</summary>
    public static string Normalize(string text) => string.Create(Length(text), text, static (span, text) =>
    {
        var at = 0;
        foreach (var c in text) if (Keeps(c)) span[at++] = Folded(c);
    });

    private static char Folded(char c) => char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;

    /// <summary>The length of a text's normal form (<see cref="Normalize"/>), which is not made: a paragraph's length as prints and statistics count it.</summary>
    public static int Length(string text)
    {
        // Sixteen units at a time: a Chinese character is text without looking it up, and in these reports most are;
        // only the others (punctuation, digits, Latin) are looked up one by one.
        var units = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
        var (count, at) = (0, 0);
        for (; at + Vector256<ushort>.Count <= units.Length; at += Vector256<ushort>.Count)
        {
            var offset = Vector256.Create(units.Slice(at, Vector256<ushort>.Count)) - Vector256.Create((ushort)CjkFirst);
            var others = ~Vector256.LessThanOrEqual(offset, Vector256.Create((ushort)(CjkLast - CjkFirst))).ExtractMostSignificantBits() & 0xFFFF;
            count += Vector256<ushort>.Count - BitOperations.PopCount(others);
            for (; others != 0; others &= others - 1)
                if (Keeps(text[at + BitOperations.TrailingZeroCount(others)])) count++;
        }
        for (; at < units.Length; at++) if (Keeps(text[at])) count++;
        return count;
    }

    private const char CjkFirst = '\u4E00', CjkLast = '\u9FFF';

    // A bit a UTF-16 unit, looked up: weighing each character's Unicode category was a second of CPU at 10,000 reports.
    private static bool Keeps(char c) => (KeptUnits[c >> 6] >> (c & 63) & 1) != 0;

    private static readonly ulong[] KeptUnits = KeptTable();

    private static ulong[] KeptTable()
    {
        var table = new ulong[(char.MaxValue + 1) / 64];
        for (var unit = 0; unit <= char.MaxValue; unit++)
            if (IsText((char)unit)) table[unit >> 6] |= 1UL << (unit & 63);
        return table;

        // Surrogates are kept as they are: a character beyond the BMP is still text (rare in reports, and kept whole).
        static bool IsText(char c) => c is >= CjkFirst and <= CjkLast || char.IsLetterOrDigit(c) || char.IsSurrogate(c) ||
            char.GetUnicodeCategory(c) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>The estimated Jaccard similarity of two paragraphs' shingle sets: the share of equal minima.</summary>
    public static double Similarity(ReadOnlySpan<uint> one, ReadOnlySpan<uint> other)
    {
        var same = 0;
        for (var i = 0; i < Hashes; i++) if (one[i] == other[i]) same++;
        return same / (double)Hashes;
    }

    /// <summary>The signature of a paragraph's normal form, read from the paragraph as it is: 200 MB of normal forms at 10,000 reports are not made.</summary>
    private static void Sign(string paragraph, Span<uint> signature)
    {
        // Each hash function is a multiply-add of one 32-bit hash of the shingle, eight lanes at a time; a shift and
        // xor after it, so that the minimum depends on more than the low bits. The four vectors of minima and constants
        // are locals, which the JIT keeps in registers: as arrays, each shingle loaded and stored them, and each paragraph
        // allocated one.
        var (m0, m1, m2, m3) = (Vector256<uint>.AllBitsSet, Vector256<uint>.AllBitsSet, Vector256<uint>.AllBitsSet, Vector256<uint>.AllBitsSet);
        var (a0, a1, a2, a3) = (Multipliers[0], Multipliers[1], Multipliers[2], Multipliers[3]);
        var (b0, b1, b2, b3) = (Addends[0], Addends[1], Addends[2], Addends[3]);
        // A rolling polynomial hash of the shingle (one multiply a character), then mixed.
        const ulong Base = 1099511628211UL;
        var drop = 1UL;
        for (var k = 1; k < Shingle; k++) drop *= Base;
        var rolling = 0UL;
        Span<char> last = stackalloc char[Shingle]; // the shingle's characters, the oldest at count % Shingle
        var count = 0;
        foreach (var raw in paragraph)
        {
            if (!Keeps(raw)) continue;
            var c = Folded(raw);
            if (count >= Shingle) rolling -= last[count % Shingle] * drop;
            rolling = rolling * Base + c;
            last[count++ % Shingle] = c;
            if (count < Shingle) continue;
            var h = (rolling ^ (rolling >> 29)) * 0xBF58476D1CE4E5B9UL;
            var x = Vector256.Create((uint)(h ^ (h >> 32)));
            m0 = Vector256.Min(m0, Mixed(x * a0 + b0));
            m1 = Vector256.Min(m1, Mixed(x * a1 + b1));
            m2 = Vector256.Min(m2, Mixed(x * a2 + b2));
            m3 = Vector256.Min(m3, Mixed(x * a3 + b3));
        }
        m0.CopyTo(signature);
        m1.CopyTo(signature[8..]);
        m2.CopyTo(signature[16..]);
        m3.CopyTo(signature[24..]);
    }

    private static Vector256<uint> Mixed(Vector256<uint> value) => value ^ (value >> 15);

    // Fixed odd constants (from a seeded generator), so that prints are the same in every build and cache.
    private static readonly Vector256<uint>[] Multipliers = Constants(1);
    private static readonly Vector256<uint>[] Addends = Constants(2);

    private static Vector256<uint>[] Constants(int seed)
    {
        var state = 0x9E3779B97F4A7C15UL * (ulong)seed;
        var values = new uint[Hashes];
        for (var i = 0; i < Hashes; i++)
        {
            // SplitMix64
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            values[i] = (uint)(z ^ (z >> 31)) | 1;
        }
        return Enumerable.Range(0, Hashes / 8).Select(v => Vector256.Create(values.AsSpan(v * 8, 8))).ToArray();
    }
}
