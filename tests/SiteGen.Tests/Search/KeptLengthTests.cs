using FluentAssertions;
using SiteGen.Search.Format;
using SiteGen.Search.Reader;
using SiteGen.Search.Writer;

namespace SiteGen.Tests.Search;

/// <summary>Field lengths are kept in one byte (FORMAT.md, Lengths): what scores use must stay close to the truth.</summary>
public class KeptLengthTests
{
    [Fact]
    public void Lengths_are_exact_to_64_units_and_within_a_sixteenth_above()
    {
        for (var n = 0; n <= 64; n++) Bm25.StoredLength(n).Should().Be(n);
        foreach (var n in new[] { 65, 99, 1_000, 4_321, 12_345, 30_000, 5_000_000 })
        {
            var kept = Bm25.StoredLength(n);
            kept.Should().BeLessThanOrEqualTo(n);
            (n - kept).Should().BeLessThan(n / 16 + 1, $"{n} units are kept as {kept}");
        }
    }

    [Fact]
    public void A_code_stands_for_one_length_and_longer_fields_never_get_smaller_codes()
    {
        for (var code = 0; code < 256; code++) Bm25.LengthCode(Bm25.CodedLength(code)).Should().Be(code);
        var previous = 0;
        for (var n = 0; n < 100_000; n += 7)
        {
            Bm25.LengthCode(n).Should().BeGreaterThanOrEqualTo(previous);
            previous = Bm25.LengthCode(n);
        }
        Bm25.LengthCode(int.MaxValue).Should().Be(255);
    }
}
