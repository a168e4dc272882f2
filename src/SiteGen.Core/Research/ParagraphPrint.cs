using System.Globalization;
using System.Text;

namespace SiteGen.Research;

/// <summary>
/// A body paragraph long enough to matter, as a MinHash signature: the minima of <see cref="Hashes"/> hash functions
/// over its 5-character shingles, after punctuation, symbols and white space are taken out. Two paragraphs' signatures
/// agree in about the share of positions that their shingle sets overlap (Jaccard), so a copy with its punctuation
/// changed, or a year changed, still matches.
/// </summary>
public sealed record ParagraphPrint(string Excerpt, uint[] Signature)
{
    /// <summary>Shorter paragraphs (after normalising) are stock phrases, not copying.</summary>
    public const int MinChars = 50;
    public const int Hashes = 32;
    private const int Shingle = 5;
    private const int ExcerptChars = 40;

    /// <summary>The prints of every paragraph of <paramref name="plainText"/> (one paragraph a line) of at least <see cref="MinChars"/>.</summary>
    public static IReadOnlyList<ParagraphPrint> Of(string plainText)
    {
        var prints = new List<ParagraphPrint>();
        foreach (var line in plainText.Split('\n'))
        {
            var normal = Normalize(line);
            if (normal.Length < MinChars) continue;
            var excerpt = line.Trim();
            prints.Add(new ParagraphPrint(excerpt.Length <= ExcerptChars ? excerpt : excerpt[..ExcerptChars] + "…", Sign(normal)));
        }
        return prints;
    }

    /// <summary>Letters and digits only: what copying keeps when punctuation and spacing are redone.</summary>
    public static string Normalize(string text)
    {
        var normal = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
                normal.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return normal.ToString();
    }

    /// <summary>The estimated Jaccard similarity of two paragraphs' shingle sets: the share of equal minima.</summary>
    public double Similarity(ParagraphPrint other)
    {
        var same = 0;
        for (var i = 0; i < Hashes; i++) if (Signature[i] == other.Signature[i]) same++;
        return same / (double)Hashes;
    }

    private static uint[] Sign(string normal)
    {
        var minima = new uint[Hashes];
        Array.Fill(minima, uint.MaxValue);
        for (var start = 0; start + Shingle <= normal.Length; start++)
        {
            // One 64-bit hash of the shingle, then each function as a multiply-add of it (the high half kept).
            var h = 14695981039346656037UL;
            for (var k = 0; k < Shingle; k++) h = (h ^ normal[start + k]) * 1099511628211UL;
            h ^= h >> 29;
            for (var i = 0; i < Hashes; i++)
            {
                var value = (uint)((h * Multipliers[i] + Addends[i]) >> 32);
                if (value < minima[i]) minima[i] = value;
            }
        }
        return minima;
    }

    // Fixed odd constants (from a seeded generator), so that prints are the same in every build and cache.
    private static readonly ulong[] Multipliers = Constants(1);
    private static readonly ulong[] Addends = Constants(2);

    private static ulong[] Constants(int seed)
    {
        var state = 0x9E3779B97F4A7C15UL * (ulong)seed;
        var values = new ulong[Hashes];
        for (var i = 0; i < Hashes; i++)
        {
            // SplitMix64
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            values[i] = (z ^ (z >> 31)) | 1;
        }
        return values;
    }
}
