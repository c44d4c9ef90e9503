namespace AmpaCds.Dicom;

/// <summary>
/// An element with a single value field. The bytes are kept exactly as read (little-endian, padding included)
/// and decoded only when asked, so re-writing an untouched element is a copy.
/// </summary>
public sealed class DicomElement : DicomItem
{
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> buffer) : base(tag, vr)
    {
        Buffer = buffer;
    }

    /// <summary>Raw value bytes in little-endian order (Big Endian input is swapped on read).</summary>
    public ReadOnlyMemory<byte> Buffer { get; }

    public int Length => Buffer.Length;

    public override string ToString() => $"{Tag} {VR} [{Buffer.Length} bytes]";
}
