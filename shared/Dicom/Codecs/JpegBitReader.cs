namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Bits of one JPEG entropy-coded segment (T.81 F.2.2.5), most significant first. A 0xFF data byte is
/// followed by a stuffed 0x00 that is dropped; any other byte after 0xFF is a marker, where reading
/// stops. Past a marker or the end of the data the buffer is topped up with zero bits so a Huffman
/// look-ahead can peek, but consuming any of those bits is an error: the data ended early.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _buffer;
    private int _bits;
    private int _paddingBits;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>Offset of the first byte not yet taken into the bit buffer (a marker once the data ran out).</summary>
    public int Position => _position;

    /// <summary>The next 16 bits without consuming them.</summary>
    public int Peek16()
    {
        Fill();
        return (int)(_buffer >> 48);
    }

    public void Skip(int count)
    {
        if (count > _bits - _paddingBits)
        {
            throw new DicomFormatException($"JPEG entropy-coded data ends early: a marker or the end of the data at offset {_position} interrupts it.");
        }
        _buffer <<= count;
        _bits -= count;
    }

    /// <summary>The next <paramref name="count"/> (1..16) bits as an unsigned number.</summary>
    public int Read(int count)
    {
        Fill();
        var value = (int)(_buffer >> (64 - count));
        Skip(count);
        return value;
    }

    /// <summary>Takes in all bytes up to the next marker that fit, so <see cref="Position"/> reaches it when the segment is done.</summary>
    public void Fill()
    {
        while (_bits <= 56)
        {
            var next = 0;
            if (_paddingBits > 0 || !TryReadByte(out next))
            {
                _paddingBits += 8;
            }
            _buffer |= (ulong)next << (56 - _bits);
            _bits += 8;
        }
    }

    private bool TryReadByte(out int value)
    {
        value = 0;
        if (_position >= _data.Length)
        {
            return false;
        }
        var current = _data[_position];
        if (current != 0xFF)
        {
            _position++;
            value = current;
            return true;
        }
        if (_position + 1 >= _data.Length || _data[_position + 1] != 0x00)
        {
            return false;
        }
        _position += 2;
        value = 0xFF;
        return true;
    }
}
