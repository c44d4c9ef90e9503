namespace AmpaCds.Dicom.Network;

/// <summary>Append-only byte buffer that doubles its capacity; received PDV data is read straight into it.</summary>
internal sealed class GrowableBuffer(int initialCapacity)
{
    private byte[] _buffer = initialCapacity == 0 ? [] : new byte[initialCapacity];
    private int _count;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _count);

    /// <summary>Returns the next <paramref name="length"/> bytes of space and counts them as written.</summary>
    public Memory<byte> Reserve(int length)
    {
        var needed = (long)_count + length;
        if (needed > Array.MaxLength) throw new DicomFormatException("Malformed PDU: DIMSE message larger than 2 GB.");
        if (needed > _buffer.Length)
        {
            var capacity = (int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Max(64 * 1024, (long)_buffer.Length * 2)));
            Array.Resize(ref _buffer, capacity);
        }
        var slice = _buffer.AsMemory(_count, length);
        _count += length;
        return slice;
    }

    public void Clear() => _count = 0;
}
