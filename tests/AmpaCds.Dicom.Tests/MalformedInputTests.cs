using System.Buffers.Binary;

namespace AmpaCds.Dicom.Tests;

public class MalformedInputTests
{
    private static byte[] ValidFile() => DicomFile.Create(TestDatasets.Pet()).ToBytes();

    [Fact]
    public void Truncated_file_reports_truncation()
    {
        var bytes = ValidFile();
        var ex = Assert.Throws<DicomFormatException>(() => DicomFile.Open(bytes[..(bytes.Length - 7)]));
        Assert.Contains("past the end", ex.Message); // pixel data length now exceeds what is left
        ex = Assert.Throws<DicomFormatException>(() => DicomFile.Open(bytes[..100]));
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Missing_dicm_prefix_is_a_bad_preamble()
    {
        var bytes = ValidFile();
        bytes[129] = (byte)'X';
        Assert.Contains("preamble", Assert.Throws<DicomFormatException>(() => DicomFile.Open(bytes)).Message);
    }

    [Fact]
    public void Huge_length_is_rejected_without_allocating()
    {
        // (0010,0010) LO with explicit long form impossible, so use OB with a 2 GB length.
        var data = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(data, 0x0009);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), 0x1001);
        data[4] = (byte)'O'; data[5] = (byte)'B';
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8), 0x7FFF_FFF0);
        var ex = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(data, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("runs past the end", ex.Message);
    }

    [Fact]
    public void Odd_value_length_is_rejected()
    {
        byte[] data = [0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 3, 0, (byte)'A', (byte)'B', (byte)'C'];
        var ex = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(data, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("odd value length", ex.Message);
    }

    [Fact]
    public void Invalid_vr_bytes_are_rejected()
    {
        byte[] data = [0x10, 0x00, 0x10, 0x00, (byte)'Z', (byte)'Z', 2, 0, (byte)'A', (byte)'B'];
        Assert.Contains("invalid VR", Assert.Throws<DicomFormatException>(
            () => DicomDatasetReader.Read(data, TransferSyntax.ExplicitVRLittleEndian)).Message);
    }

    [Fact]
    public void Endless_nesting_stops_at_the_depth_limit()
    {
        // 200 nested undefined-length sequences: each level is SQ header + item header.
        var level = new byte[] { 0x09, 0x00, 0x01, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF };
        var data = Enumerable.Repeat(level, 200).SelectMany(b => b).ToArray();
        var ex = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(data, TransferSyntax.ImplicitVRLittleEndian));
        Assert.Contains("nesting deeper than 64", ex.Message);
    }

    [Fact]
    public void Undefined_length_sequence_without_delimiter_is_truncated()
    {
        var bytes = DicomDatasetWriter.Write(CodecRoundTripTests.NestedMixedLengths(2), TransferSyntax.ExplicitVRLittleEndian);
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(bytes[..^8], TransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void Garbage_deflate_stream_is_a_format_error()
    {
        var data = Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11)).ToArray();
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(data, TransferSyntax.DeflatedExplicitVRLittleEndian));
    }

    [Fact]
    public void Random_corruption_never_escapes_as_another_exception_type()
    {
        var valid = DicomDatasetWriter.Write(CodecRoundTripTests.NestedMixedLengths(4), TransferSyntax.ExplicitVRLittleEndian);
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var corrupt = (byte[])valid.Clone();
            for (var k = 0; k < 3; k++) corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            var cut = corrupt[..random.Next(corrupt.Length + 1)];
            try
            {
                DicomDatasetReader.Read(cut, TransferSyntax.ExplicitVRLittleEndian);
            }
            catch (DicomFormatException)
            {
                // expected for most mutations
            }
        }
    }
}
