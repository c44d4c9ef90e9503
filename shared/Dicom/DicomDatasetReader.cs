using System.IO.Compression;

namespace AmpaCds.Dicom;

/// <summary>Decodes a raw dataset (no preamble or file meta), as found after the meta group or in a P-DATA message.</summary>
public static class DicomDatasetReader
{
    /// <summary>
    /// Parses <paramref name="data"/> in the given transfer syntax. Element values are slices of <paramref name="data"/>
    /// (no copy) except for Big Endian input, which is swapped into new buffers.
    /// </summary>
    public static DicomDataset Read(ReadOnlyMemory<byte> data, TransferSyntax syntax, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        options ??= DicomReadOptions.Default;
        if (syntax.IsDeflated) data = Inflate(data, options.MaxInflatedBytes);
        var parser = new DicomDatasetParser(data, syntax.IsExplicitVR, syntax.IsBigEndian, options, syntax.IsEncapsulated ? syntax.Uid : null);
        return parser.ParseTopLevel();
    }

    internal static byte[] Inflate(ReadOnlyMemory<byte> compressed, long maxBytes)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(Math.Max(1024, compressed.Length * 4));
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                    throw new DicomFormatException($"Deflated dataset inflates past the {maxBytes}-byte limit.");
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DicomFormatException("Deflated dataset is not a valid raw Deflate stream.", ex);
        }
        return output.ToArray();
    }
}
