namespace AmpaCds.Dicom;

/// <summary>
/// Encapsulated (compressed) pixel data: a basic offset table followed by fragments (PS3.5 A.4).
/// Fragments are kept verbatim; <see cref="DicomPixelData"/> decodes them when a lossless decoder for
/// <see cref="TransferSyntaxUid"/> exists (<see cref="Codecs.FrameDecoders"/>).
/// </summary>
public sealed class DicomFragmentSequence : DicomItem
{
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> offsetTable, IReadOnlyList<ReadOnlyMemory<byte>> fragments)
        : base(tag, vr)
    {
        OffsetTable = offsetTable;
        Fragments = fragments;
    }

    /// <summary>Basic offset table item value (may be empty).</summary>
    public ReadOnlyMemory<byte> OffsetTable { get; }

    public IReadOnlyList<ReadOnlyMemory<byte>> Fragments { get; }

    /// <summary>The syntax the fragments are encoded in, set when read from a file or a message; null when unknown.</summary>
    public string? TransferSyntaxUid { get; init; }

    public override string ToString() => $"{Tag} {VR} encapsulated [{Fragments.Count} fragments]";
}
