using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.DicomWeb;
using AmpaCds.Intake.Storage;

namespace AmpaCds.Intake.Tests;

/// <summary>
/// Compressed instances through Intake's one path: lossless syntaxes with a decoder are validated by decoding
/// and stored as received; corrupt codestreams, lossy images and pixel data shorter than declared are refused
/// with a status and a reason, and nothing is stored.
/// </summary>
public sealed class CompressedInstanceIntakeTests : IDisposable
{
    private readonly IntakeHarness _harness = new();

    [Theory]
    [InlineData("dcmcrle", "", "1.2.840.10008.1.2.5")]
    [InlineData("dcmcjpeg", "+e1", "1.2.840.10008.1.2.4.70")]
    [InlineData("dcmcjpls", "", "1.2.840.10008.1.2.4.80")]
    public async Task ALosslesslyCompressedSliceIsStoredAsReceivedAndReadsBackTheOriginalPixels(string tool, string option, string syntax)
    {
        var slice = DcmtkCompressor.VariedSlice(0);
        var file = Part10Instance.Split(DcmtkCompressor.Compress(slice, tool, option.Length > 0 ? [option] : []));
        Assert.Equal(syntax, file.Syntax.Uid);

        var rejection = await AcceptAsync(file.DatasetBytes, file.Syntax, slice);

        Assert.Null(rejection);
        var stored = DicomFile.Open(await _harness.Blobs.GetAsync(Key(slice)));
        Assert.Equal(syntax, stored.TransferSyntax.Uid);
        Assert.Equal(file.DatasetBytes.ToArray(), Part10Instance.Split(stored.ToBytes()).DatasetBytes.ToArray());
        Assert.Equal(DicomPixelData.GetFrame(slice, 0), DicomPixelData.GetFrame(stored.Dataset, 0));
    }

    [Fact]
    public async Task ACorruptCodestreamIsCannotUnderstandWithTheFrameAndNothingIsStored()
    {
        var slice = DcmtkCompressor.VariedSlice(0);
        var bytes = Part10Instance.Split(DcmtkCompressor.Compress(slice, "dcmcjpls")).DatasetBytes.ToArray();
        var pixels = (DicomFragmentSequence)DicomDatasetReader.Read(bytes, TransferSyntax.Parse("1.2.840.10008.1.2.4.80")).GetItem(DicomTags.PixelData)!;
        // Cut the codestream short: its fragment keeps its length, the tail is zeros instead of the end of the scan.
        var fragmentEnd = bytes.Length - 8;
        bytes.AsSpan(fragmentEnd - pixels.Fragments[0].Length / 2, pixels.Fragments[0].Length / 2).Clear();

        var rejection = await AcceptAsync(bytes, TransferSyntax.Parse("1.2.840.10008.1.2.4.80"), slice);

        Assert.Equal(DicomStatus.CannotUnderstand, rejection?.Status);
        Assert.StartsWith("compressed Pixel Data of frame 1 cannot be decoded: ", rejection!.Reason, StringComparison.Ordinal);
        Assert.False(_harness.Blobs.Exists(Key(slice)));
    }

    [Fact]
    public async Task NativePixelDataLabelledWithACompressedSyntaxIsCannotUnderstand()
    {
        var slice = PetDatasets.Slice(0);
        var jpegLossless = TransferSyntax.Parse("1.2.840.10008.1.2.4.70");

        var rejection = await AcceptAsync(DicomDatasetWriter.Write(slice, jpegLossless), jpegLossless, slice);

        Assert.Equal(DicomStatus.CannotUnderstand, rejection?.Status);
        Assert.Equal("JPEG Lossless, First-Order Prediction (Process 14 SV1) (1.2.840.10008.1.2.4.70) carries compressed Pixel Data, but this Pixel Data is native",
            rejection!.Reason);
    }

    [Fact]
    public async Task AnImageMarkedLossyIsRefusedWithTheReason()
    {
        var slice = PetDatasets.Slice(0).AddOrUpdate(DicomTags.LossyImageCompression, DicomVR.CS, "01");

        var rejection = await AcceptAsync(PetDatasets.Encode(slice), TransferSyntax.ExplicitVRLittleEndian, slice);

        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection?.Status);
        Assert.Contains("Lossy Image Compression (0028,2110) is 01", rejection!.Reason, StringComparison.Ordinal);
        Assert.False(_harness.Blobs.Exists(Key(slice)));
    }

    [Fact]
    public async Task NativePixelDataShorterThanDeclaredIsRefusedWithBothSizes()
    {
        var slice = PetDatasets.Slice(0).AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, new byte[30]));

        var rejection = await AcceptAsync(PetDatasets.Encode(slice), TransferSyntax.ExplicitVRLittleEndian, slice);

        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection?.Status);
        Assert.Equal("Pixel Data holds 30 bytes; 1 frame(s) of 4 x 4 x 16 bits need 32", rejection!.Reason);
    }

    [Fact]
    public async Task APixelDataSequenceInASyntaxWithoutADecoderIsRefusedNamingIt()
    {
        var slice = PetDatasets.Slice(0);
        slice.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [new byte[] { 0xFF, 0x4F, 0xFF, 0x51 }]));
        var jpeg2000 = TransferSyntax.Parse("1.2.840.10008.1.2.4.91");

        var rejection = await AcceptAsync(DicomDatasetWriter.Write(slice, jpeg2000), jpeg2000, slice);

        Assert.Equal(DicomStatus.DatasetDoesNotMatchSopClass, rejection?.Status);
        Assert.StartsWith("JPEG 2000 (1.2.840.10008.1.2.4.91) may be lossy", rejection!.Reason, StringComparison.Ordinal);
    }

    private Task<Validation.InstanceRejection?> AcceptAsync(ReadOnlyMemory<byte> bytes, TransferSyntax syntax, DicomDataset slice) =>
        _harness.Intake.AcceptAsync(bytes, syntax, DicomUids.PetImageStorage, PetDatasets.SopInstance(slice), "test", CancellationToken.None);

    private static string Key(DicomDataset slice) => SeriesKeys.Instance(PetDatasets.StudyUid, PetDatasets.SeriesUid, PetDatasets.SopInstance(slice));

    public void Dispose() => _harness.Dispose();
}
