namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Reads the entropy-coded bits of a JPEG-LS scan, most significant bit first (ITU T.87 A.1). After a 0xFF
/// data byte the encoder inserts a 0 bit, so the next byte carries only 7 bits; 0xFF followed by a byte with
/// its top bit set is a marker and ends the data. Bytes are pulled one at a time so that, when the scan ends,
/// the bits still cached belong to the last byte read and the marker position is known exactly.
/// </summary>
internal ref struct JpegLsBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _cache;
    private int _cacheBits;
    private bool _afterFF;

    public JpegLsBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    public int ReadBit()
    {
        if (_cacheBits == 0) Fill(1);
        _cacheBits--;
        return (int)(_cache >> _cacheBits) & 1;
    }

    /// <summary>Reads <paramref name="count"/> (0..32) bits as an unsigned number.</summary>
    public long ReadBits(int count)
    {
        if (count == 0) return 0;
        if (_cacheBits < count) Fill(count);
        _cacheBits -= count;
        return (long)((_cache >> _cacheBits) & ((1UL << count) - 1));
    }

    /// <summary>
    /// Ends the bit stream of a scan or restart interval and returns the offset where its marker must be:
    /// the unread bits of the last byte are padding, and after a final 0xFF data byte the encoder had to
    /// write one more byte (stuffed 0 bit + padding) that belongs to the data too.
    /// </summary>
    public int EndOfData()
    {
        _cacheBits = 0;
        if (_afterFF && _position < _data.Length && _data[_position] < 0x80) _position++;
        _afterFF = false;
        return _position;
    }

    private void Fill(int needed)
    {
        while (_cacheBits < needed)
        {
            if (_position >= _data.Length)
                throw new DicomFormatException($"JPEG-LS scan data ends early at offset {_position}: more samples were expected.");
            var value = _data[_position];
            if (_afterFF)
            {
                // A 0xFF data byte is always followed by a byte whose top bit is the stuffed 0.
                if (value >= 0x80)
                    throw new DicomFormatException($"JPEG-LS scan data is invalid at offset {_position}: a 0xFF byte is not followed by a stuffed 0 bit.");
                _cache = (_cache << 7) | value;
                _cacheBits += 7;
                _afterFF = false;
            }
            else
            {
                if (value == 0xFF && (_position + 1 >= _data.Length || _data[_position + 1] >= 0x80))
                    throw new DicomFormatException(
                        $"JPEG-LS scan data ends early at offset {_position}: a marker (or the end of the data) came before all samples were decoded.");
                _cache = (_cache << 8) | value;
                _cacheBits += 8;
                _afterFF = value == 0xFF;
            }
            _position++;
        }
    }
}
