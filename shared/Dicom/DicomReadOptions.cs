namespace AmpaCds.Dicom;

/// <summary>Options for <see cref="DicomFile.Open(string, DicomReadOptions?)"/> and <see cref="DicomDatasetReader"/>.</summary>
public sealed record DicomReadOptions
{
    public static readonly DicomReadOptions Default = new();

    /// <summary>Stop parsing at top-level (7FE0,0010) Pixel Data: fast header-only reads.</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>Maximum sequence nesting; deeper input is rejected so crafted files cannot exhaust the stack.</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>Upper bound for an inflated Deflated-syntax dataset, against decompression bombs.</summary>
    public long MaxInflatedBytes { get; init; } = 1L << 30;
}
