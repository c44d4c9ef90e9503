using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Reads the entropy-coded bits of a JPEG-LS scan, most significant bit first (ITU T.87 A.1). After a 0xFF
/// data byte the encoder inserts a 0 bit, so the next byte carries only 7 bits; 0xFF followed by a byte with
/// its top bit set is a marker and ends the data. The 64-bit cache is topped up to at least 57 bits at a time
/// so the per-sample reads are a shift and a mask; it never reads past a marker, and
/// <see cref="EndOfData"/> works out from the unread bits which byte the last used bit came from.
/// </summary>
internal ref struct JpegLsBitReader
{
    private const int FillTarget = 57; // a cache holding more than 56 bits has no room for another byte

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _start;
    private int _position;
    private ulong _cache; // the low _cacheBits bits are unread, oldest first
    private int _cacheBits;
    private bool _afterFF;

    public JpegLsBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _start = position;
        _position = position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBit()
    {
        if (_cacheBits == 0) Fill(1);
        _cacheBits--;
        return (int)(_cache >> _cacheBits) & 1;
    }

    /// <summary>Reads <paramref name="count"/> (0..31) bits as an unsigned number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBits(int count)
    {
        if (_cacheBits < count) Fill(count);
        _cacheBits -= count;
        // For count 0 the mask is 0 (and a shift by 64 is a shift by 0 in C#), so nothing is taken.
        return (int)((_cache >> _cacheBits) & ((1UL << count) - 1));
    }

    /// <summary>
    /// Reads a unary prefix: counts 0 bits up to and including the terminating 1 bit and returns the number
    /// of zeros. Stops with <paramref name="maxZeros"/> + 1 as soon as there are more zeros than that, so a
    /// corrupt stream cannot make it read on (the caller refuses the code).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadZerosUntilOne(int maxZeros)
    {
        if (_cacheBits == 0) Fill(1);
        var zeros = BitOperations.LeadingZeroCount(_cache << (64 - _cacheBits));
        if (zeros < _cacheBits && zeros <= maxZeros)
        {
            _cacheBits -= zeros + 1;
            return zeros;
        }
        return ReadLongZeros(maxZeros);
    }

    // The prefix runs past the cached bits (or is too long): take the cache a piece at a time.
    private int ReadLongZeros(int maxZeros)
    {
        var zeros = 0;
        while (true)
        {
            if (_cacheBits == 0) Fill(1);
            var leading = BitOperations.LeadingZeroCount(_cache << (64 - _cacheBits));
            if (leading < _cacheBits)
            {
                zeros += leading;
                if (zeros > maxZeros) return maxZeros + 1;
                _cacheBits -= leading + 1;
                return zeros;
            }
            zeros += _cacheBits;
            _cacheBits = 0;
            if (zeros > maxZeros) return maxZeros + 1;
        }
    }

    /// <summary>
    /// Ends the bit stream of a scan or restart interval and returns the offset where its marker must be:
    /// the unread bits of the last byte are padding, and after a final 0xFF data byte the encoder had to
    /// write one more byte (stuffed 0 bit + padding) that belongs to the data too.
    /// </summary>
    public int EndOfData()
    {
        // Give back the bytes read ahead whose bits were not used at all.
        while (_position > _start && _cacheBits >= BitsIn(_position - 1))
        {
            _cacheBits -= BitsIn(_position - 1);
            _position--;
        }
        var lastWasFF = _position > _start && _data[_position - 1] == 0xFF;
        if (lastWasFF && _position < _data.Length && _data[_position] < 0x80) _position++;
        _cacheBits = 0;
        _afterFF = false;
        return _position;
    }

    // A byte after a 0xFF data byte carries 7 bits. A stuffed byte is below 0x80, so it is never 0xFF itself.
    private readonly int BitsIn(int index) => index > _start && _data[index - 1] == 0xFF ? 7 : 8;

    // Classic "has a zero byte" test on the complement.
    private static bool HasFFByte(ulong word)
    {
        var inverted = ~word;
        return ((inverted - 0x0101010101010101UL) & ~inverted & 0x8080808080808080UL) != 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fill(int needed)
    {
        // Fast path: eight bytes without a 0xFF hold no stuffing and no marker, so whole bytes of them can be
        // shifted in at once (at least four, since a fill is only needed below 32 cached bits).
        if (!_afterFF && _position <= _data.Length - 8)
        {
            var word = BinaryPrimitives.ReadUInt64BigEndian(_data[_position..]);
            if (!HasFFByte(word))
            {
                var bytes = (64 - _cacheBits) >> 3;
                _cache = bytes == 8 ? word : (_cache << (8 * bytes)) | (word >> (64 - 8 * bytes));
                _cacheBits += 8 * bytes;
                _position += bytes;
                return;
            }
        }
        while (_cacheBits < FillTarget && _position < _data.Length)
        {
            var value = _data[_position];
            if (_afterFF)
            {
                // The 0xFF before was only taken as data because this byte is below 0x80 (top bit = stuffed 0).
                _cache = (_cache << 7) | value;
                _cacheBits += 7;
                _afterFF = false;
            }
            else
            {
                if (value == 0xFF && (_position + 1 >= _data.Length || _data[_position + 1] >= 0x80))
                    break; // a marker (or the end of the data): the scan's bits end here
                _cache = (_cache << 8) | value;
                _cacheBits += 8;
                _afterFF = value == 0xFF;
            }
            _position++;
        }
        if (_cacheBits >= needed) return;
        if (_position >= _data.Length)
            throw new DicomFormatException($"JPEG-LS scan data ends early at offset {_position}: more samples were expected.");
        throw new DicomFormatException(
            $"JPEG-LS scan data ends early at offset {_position}: a marker (or the end of the data) came before all samples were decoded.");
    }
}
