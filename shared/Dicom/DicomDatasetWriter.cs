using System.IO.Compression;

namespace AmpaCds.Dicom;

/// <summary>
/// Encodes a dataset (no preamble or meta) in a transfer syntax. The exact size is measured first so the
/// output is a single allocation written with spans, with no intermediate buffers or copies.
/// </summary>
public static class DicomDatasetWriter
{
    public static byte[] Write(DicomDataset dataset, TransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        if (!syntax.CanWrite) throw new NotSupportedException($"Writing {syntax.Name} is not supported.");
        var encoder = new DicomDatasetEncoder(syntax.IsExplicitVR);
        var size = encoder.Measure(dataset);
        if (size > Array.MaxLength) throw new NotSupportedException($"Dataset of {size} bytes is too large to encode.");
        var buffer = new byte[size];
        var written = encoder.Encode(dataset, buffer);
        if (written != buffer.Length) throw new InvalidOperationException($"Encoder wrote {written} bytes, measured {buffer.Length}.");
        return syntax.IsDeflated ? Deflate(buffer) : buffer;
    }

    public static void Write(DicomDataset dataset, TransferSyntax syntax, Stream output) =>
        output.Write(Write(dataset, syntax));

    /// <summary>Raw Deflate (no zlib header), as required by PS3.5 A.5.</summary>
    internal static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(data);
        return output.ToArray();
    }
}
