using System.Net;
using AmpaCds.Dicom;
using AmpaCds.Intake.DicomWeb;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>
/// WADO-RS for instances a PACS sent losslessly compressed: as stored by default, and converted to Explicit
/// VR Little Endian with decoded pixels when a client (a viewer without that codec) asks for that syntax.
/// </summary>
public sealed class WadoTranscodeTests : IAsyncLifetime
{
    private const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";
    private const string JpegLs = "1.2.840.10008.1.2.4.80";
    private const string Rle = "1.2.840.10008.1.2.5";
    private const string Series = "1.2.826.0.1.3680043.10.1462.77.1";
    private readonly Dictionary<string, DicomDataset> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _sent = new(StringComparer.Ordinal);
    private DicomWebHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await DicomWebHost.StartAsync();
        var body = new MultipartDicomBody();
        foreach (var (index, tool) in new[] { (0, "dcmcjpls"), (1, "dcmcrle") })
        {
            var slice = DcmtkCompressor.VariedSlice(index, numberOfSlices: 2, seriesUid: Series);
            var sop = PetDatasets.SopInstance(slice);
            _originals[sop] = slice;
            _sent[sop] = DcmtkCompressor.Compress(slice, tool);
            body.Part(_sent[sop]);
        }
        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string SeriesUrl => $"/dicomweb/studies/{PetDatasets.StudyUid}/series/{Series}";

    [Fact]
    public async Task WithoutANamedSyntaxTheCompressedFilesComeBackAsStored()
    {
        var parts = await GetAsync(SeriesUrl, "multipart/related; type=\"application/dicom\"");

        Assert.Equal(2, parts.Count);
        foreach (var part in parts)
        {
            // Intake writes its own file meta around the dataset bytes it received, which come back unchanged.
            Assert.Equal(Part10Instance.Split(_sent[Sop(part.Bytes)]).DatasetBytes.ToArray(), Part10Instance.Split(part.Bytes).DatasetBytes.ToArray());
        }
        Assert.Contains(parts, part => part.ContentType == $"application/dicom; transfer-syntax={JpegLs}");
        Assert.Contains(parts, part => part.ContentType == $"application/dicom; transfer-syntax={Rle}");
    }

    [Fact]
    public async Task AskingForExplicitVrLittleEndianGivesNativePixelsEqualToWhatTheScannerStored()
    {
        var parts = await GetAsync(SeriesUrl, $"multipart/related; type=\"application/dicom\"; transfer-syntax={ExplicitVrLittleEndian}");

        Assert.Equal(2, parts.Count);
        foreach (var part in parts)
        {
            Assert.Equal($"application/dicom; transfer-syntax={ExplicitVrLittleEndian}", part.ContentType);
            var file = DicomFile.Open(part.Bytes);
            Assert.Equal(ExplicitVrLittleEndian, file.TransferSyntax.Uid);
            Assert.False(DicomPixelData.IsEncapsulated(file.Dataset));
            var original = _originals[file.Dataset.GetString(DicomTags.SOPInstanceUID)!];
            Assert.Equal(original.GetBytes(DicomTags.PixelData).ToArray(), file.Dataset.GetBytes(DicomTags.PixelData).ToArray());
            Assert.Equal(original.GetString(DicomTags.PatientID), file.Dataset.GetString(DicomTags.PatientID));
        }
    }

    [Fact]
    public async Task TheStoredSyntaxOrExplicitVrAreBothAcceptableAndTheStoredOneWins()
    {
        var parts = await GetAsync(SeriesUrl,
            $"multipart/related; type=\"application/dicom\"; transfer-syntax={JpegLs}, multipart/related; type=\"application/dicom\"; transfer-syntax={ExplicitVrLittleEndian}");

        Assert.Contains(parts, part => part.ContentType == $"application/dicom; transfer-syntax={JpegLs}");
        Assert.Contains(parts, part => part.ContentType == $"application/dicom; transfer-syntax={ExplicitVrLittleEndian}"); // the RLE one, converted
    }

    [Fact]
    public async Task AskingForASyntaxIntakeCannotProduceIs406NamingWhatItCan()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SeriesUrl);
        request.Headers.TryAddWithoutValidation("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50");
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"as {ExplicitVrLittleEndian}: accept transfer-syntax=*", body, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<WadoPart>> GetAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WadoMultipart.ReadAsync(response);
    }

    private static string Sop(byte[] file) => Part10Instance.Split(file).SopInstanceUid;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
