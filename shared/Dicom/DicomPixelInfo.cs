namespace AmpaCds.Dicom;

/// <summary>Geometry and sample encoding of native pixel data.</summary>
public readonly record struct DicomPixelInfo(
    int Rows, int Columns, int BitsAllocated, int BitsStored, bool IsSigned, int SamplesPerPixel, int NumberOfFrames)
{
    /// <summary>Bytes in one frame of native pixel data.</summary>
    public int FrameLength => Rows * Columns * SamplesPerPixel * (BitsAllocated / 8);
}
