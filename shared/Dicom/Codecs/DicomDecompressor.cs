namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Turns encapsulated Pixel Data into native Pixel Data, so an instance received compressed can be handed to
/// a peer that only takes uncompressed syntaxes (WADO-RS asking for Explicit VR Little Endian). Lossless
/// decoders only, so the values are exactly the stored ones.
/// </summary>
public static class DicomDecompressor
{
    /// <summary>
    /// A copy with native Pixel Data (every frame decoded, OW for more than 8 bits, padded to even length), or
    /// <paramref name="dataset"/> itself when its Pixel Data is already native.
    /// </summary>
    public static DicomDataset Decompress(DicomDataset dataset)
    {
        if (!DicomPixelData.IsEncapsulated(dataset))
        {
            return dataset;
        }
        var info = DicomPixelData.GetInfo(dataset);
        var length = (long)info.FrameLength * info.NumberOfFrames;
        if (length + 1 > Array.MaxLength)
        {
            throw new DicomFormatException($"{info.NumberOfFrames} frames of {info.FrameLength} bytes are too large to hold decoded.");
        }
        var native = new byte[length + (length & 1)];
        var offset = 0;
        foreach (var frame in DicomPixelData.EnumerateFrameBytes(dataset))
        {
            frame.Span.CopyTo(native.AsSpan(offset));
            offset += frame.Length;
        }
        var copy = dataset.Clone();
        copy.Remove(DicomTags.ExtendedOffsetTable);
        copy.Remove(DicomTags.ExtendedOffsetTableLengths);
        if (info.SamplesPerPixel > 1)
        {
            copy.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, 0); // decoders interleave samples
        }
        copy.AddOrUpdate(new DicomElement(DicomTags.PixelData, info.BitsAllocated > 8 ? DicomVR.OW : DicomVR.OB, native));
        return copy;
    }
}
