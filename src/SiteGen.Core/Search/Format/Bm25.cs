namespace SiteGen.Search.Format;

/// <summary>
/// The score both readers give (search.js mirrors it), and the bounds the writer stores so that a query
/// can tell which segments might hold its best results without reading them.
/// </summary>
internal static class Bm25
{
    public const double K1 = 1.2, B = 0.75;

    /// <summary>One field's share of a part's score: BM25's saturation of the count, scaled by the field's weight and the part's idf.</summary>
    public static double Field(double weight, double idf, int count, int length, double typicalLength)
    {
        var norm = K1 * (1 - B + B * length / (typicalLength == 0 ? 1 : typicalLength));
        return weight * idf * count * (K1 + 1) / (count + norm);
    }

    /// <summary>A term's score in one document before idf: what its stored bound is the best of, and what orders its chunks.</summary>
    public static double BeforeIdf(IReadOnlyList<double> weights, int[] counts, int[] lengths, double[] typicalLengths)
    {
        var score = 0.0;
        for (var f = 0; f < 3; f++)
            if (counts[f] > 0) score += Field(weights[f], 1, counts[f], lengths[f], typicalLengths[f]);
        return score;
    }

    /// <summary>
    /// Lengths as the index keeps them, in one byte as Lucene keeps its norms: exact to 64 units, then in steps
    /// of a sixteenth. Every score uses the kept length, never the exact one. Exact lengths were seven tenths
    /// of a segment's columns file, which a query loads for every segment it reads.
    /// </summary>
    private static readonly int[] Lengths = MakeLengths();

    private static int[] MakeLengths()
    {
        // Integer steps, so search.js makes the same table.
        var lengths = new int[256];
        for (var code = 0; code < lengths.Length; code++)
            lengths[code] = code <= 64 ? code : lengths[code - 1] + lengths[code - 1] / 16;
        return lengths;
    }

    /// <summary>The code of the longest kept length not above <paramref name="length"/>.</summary>
    public static int LengthCode(int length)
    {
        var found = Array.BinarySearch(Lengths, length);
        return found >= 0 ? found : ~found - 1;
    }

    public static int CodedLength(int code) => Lengths[code];

    /// <summary>The length a field of <paramref name="length"/> units is scored by.</summary>
    public static int StoredLength(int length) => Lengths[LengthCode(length)];

    public static double Idf(int documents, int documentFrequency) =>
        Math.Log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));

    public static double Round(double score) => Math.Floor(score * 10000 + 0.5) / 10000;

    /// <summary>
    /// The length a field's counts are normalised by: the archive's mean, rounded up to a step of 1%. A
    /// segment's stored bounds depend on it, so it must not move with every edit: an exact mean would remake
    /// every segment whenever any report changed.
    /// </summary>
    public static double TypicalLength(double mean) =>
        mean <= 1 ? 1 : Math.Ceiling(Math.Pow(1.01, Math.Ceiling(Math.Log(mean) / Math.Log(1.01))) * 100) / 100;

    /// <summary>A bound stored as an integer: thousandths, rounded up, so it never falls below the score it bounds.</summary>
    public const int BoundScale = 1000;

    public static int StoredBound(double bound) => (int)Math.Ceiling(bound * BoundScale);
}
