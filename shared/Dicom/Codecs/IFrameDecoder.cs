namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Decodes one compressed frame of encapsulated Pixel Data (PS3.5 A.4) into native pixel bytes:
/// little-endian, Bits Allocated per sample, samples interleaved (Planar Configuration 0), exactly
/// <see cref="DicomPixelInfo.FrameLength"/> bytes. Lossless codecs only: the values are the ones
/// the modality stored. Every malformed or truncated stream ends in a <see cref="DicomFormatException"/>
/// that names what is wrong; a stream that does not match the Image Pixel module (size, bit depth,
/// samples) is refused the same way, never silently padded or cut.
/// </summary>
public interface IFrameDecoder
{
    /// <summary>The transfer syntax UIDs this decoder handles.</summary>
    IReadOnlyList<string> TransferSyntaxUids { get; }

    /// <param name="frame">The frame's compressed bytes: its fragments concatenated in order.</param>
    /// <param name="info">Geometry and encoding from the dataset's Image Pixel module.</param>
    /// <param name="destination">Exactly <c>info.FrameLength</c> bytes.</param>
    void Decode(ReadOnlySpan<byte> frame, DicomPixelInfo info, Span<byte> destination);
}
