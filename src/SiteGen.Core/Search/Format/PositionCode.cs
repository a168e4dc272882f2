using System.Numerics;

namespace SiteGen.Search.Format;

/// <summary>
/// How a pair's positions are written in position shards and chunks (FORMAT.md, Positions): a run of bits, low bit
/// first, holding for each document of the entry and each field with a count that many gaps (the first from 0),
/// each Rice-coded: the gap shifted right by k as that many 1 bits and a 0, then its k low bits. k follows from the
/// count and the field's kept length, which both readers have, so no bit is spent on it: gaps then cost about
/// log2(length ÷ count) + 1.5 bits, where varints took whole bytes of 7 bits.
/// </summary>
internal static class PositionCode
{
    /// <summary>The Rice parameter for <paramref name="count"/> positions in a field of kept length <paramref name="length"/>: ⌊log2 ⌊length ÷ count⌋⌋, 0 when that is 0.</summary>
    public static int Parameter(int count, int length) => length < count ? 0 : BitOperations.Log2((uint)(length / count));

    /// <summary>How many bits <see cref="Writer.Write"/> spends on a gap: its high part in unary, a 0, its low bits.</summary>
    public static long Bits(int gap, int parameter) => (gap >> parameter) + 1 + parameter;

    internal sealed class Writer
    {
        private byte[] _bytes = new byte[64];
        private int _length;
        private ulong _pending;
        private int _bits;

        public void Write(int gap, int parameter)
        {
            var ones = gap >> parameter;
            for (; ones >= 32; ones -= 32) Put(uint.MaxValue, 32);
            Put((1UL << ones) - 1, ones);
            Put(0, 1);
            Put((ulong)gap & ((1UL << parameter) - 1), parameter);
        }

        private void Put(ulong bits, int count)
        {
            _pending |= bits << _bits;
            for (_bits += count; _bits >= 8; _bits -= 8, _pending >>= 8) Append((byte)_pending);
        }

        private void Append(byte b)
        {
            if (_length == _bytes.Length) Array.Resize(ref _bytes, 2 * _length);
            _bytes[_length++] = b;
        }

        /// <summary>The bits written, the last byte padded with 0 bits.</summary>
        public byte[] Finish()
        {
            if (_bits > 0) Append((byte)_pending);
            (_pending, _bits) = (0, 0);
            return _bytes[.._length];
        }
    }

    internal sealed class Reader(byte[] bytes, int start)
    {
        private long _bit = start * 8L;

        /// <summary>One document's positions of the pair: per field, null where its count is 0.</summary>
        public int[]?[] Document(int[] counts, int[] lengths)
        {
            var fields = new int[]?[3];
            for (var f = 0; f < 3; f++)
            {
                if (counts[f] == 0) continue;
                var positions = fields[f] = new int[counts[f]];
                var parameter = Parameter(counts[f], lengths[f]);
                for (int k = 0, p = 0; k < positions.Length; k++) positions[k] = p += Read(parameter);
            }
            return fields;
        }

        public int Read(int parameter)
        {
            var gap = 0;
            while (Bit() != 0) gap++;
            gap <<= parameter;
            for (var i = 0; i < parameter; i++) gap |= Bit() << i;
            return gap;
        }

        private int Bit()
        {
            var bit = (bytes[_bit >> 3] >> (int)(_bit & 7)) & 1;
            _bit++;
            return bit;
        }
    }
}
