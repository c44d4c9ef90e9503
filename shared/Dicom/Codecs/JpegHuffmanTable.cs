namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// A Huffman table from a DHT segment (T.81 B.2.4.2, codes generated as in Annex C). Codes up to
/// <see cref="FastBits"/> long are found with one table look-up, longer ones with the MAXCODE search of F.2.2.3.
/// </summary>
internal sealed class JpegHuffmanTable
{
    private const int FastBits = 9;

    private readonly byte[] _values;
    private readonly int[] _maxCode = new int[17];
    private readonly int[] _valueOffset = new int[17];
    private readonly ushort[] _fast = new ushort[1 << FastBits];

    /// <param name="counts">BITS: how many codes have each length 1..16.</param>
    /// <param name="values">HUFFVAL: the symbols in code order.</param>
    public JpegHuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        _values = values.ToArray();
        var code = 0;
        var index = 0;
        for (var length = 1; length <= 16; length++)
        {
            var count = counts[length - 1];
            _maxCode[length] = count == 0 ? -1 : code + count - 1;
            _valueOffset[length] = index - code;
            for (var i = 0; i < count; i++, code++, index++)
            {
                if (length <= FastBits && code < 1 << length)
                {
                    // Every FastBits-bit look-ahead that starts with this code decodes to it.
                    var first = code << (FastBits - length);
                    _fast.AsSpan(first, 1 << (FastBits - length)).Fill((ushort)(length << 8 | _values[index]));
                }
            }
            // After the codes of one length the next code must still fit that length, and the all-ones code is reserved (C.2).
            if (code >= 1 << length)
            {
                throw new DicomFormatException($"JPEG Huffman table is invalid: {count} codes of length {length} do not fit.");
            }
            code <<= 1;
        }
    }

    /// <summary>The next symbol (for lossless scans: the difference category SSSS).</summary>
    public int Decode(ref JpegBitReader reader)
    {
        var peek = reader.Peek16();
        var fast = _fast[peek >> (16 - FastBits)];
        if (fast != 0)
        {
            reader.Skip(fast >> 8);
            return fast & 0xFF;
        }
        for (var length = FastBits + 1; length <= 16; length++)
        {
            var code = peek >> (16 - length);
            if (code <= _maxCode[length])
            {
                var index = code + _valueOffset[length];
                if (index < 0 || index >= _values.Length)
                {
                    break;
                }
                reader.Skip(length);
                return _values[index];
            }
        }
        throw new DicomFormatException($"JPEG entropy-coded data holds a code that is not in the Huffman table (near offset {reader.Position}).");
    }
}
