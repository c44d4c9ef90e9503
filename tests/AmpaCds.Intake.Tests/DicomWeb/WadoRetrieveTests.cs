using System.Net;
using AmpaCds.Dicom;
using AmpaCds.Intake.DicomWeb;
using AmpaCds.Intake.Storage;
using static AmpaCds.Intake.Tests.DicomWeb.WadoStoredStudy;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>WADO-RS instance retrieval by the RetrieveURLs of a STOW-RS response: the parts are the stored files, byte for byte.</summary>
public sealed class WadoRetrieveTests(WadoStoredStudy stored) : IClassFixture<WadoStoredStudy>
{
    private const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";
    private const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";

    [Fact]
    public async Task TheStudyUrlReturnsEveryStoredInstanceAsItWasSent()
    {
        using var response = await stored.GetAsync(stored.StudyUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("multipart/related", contentType.MediaType);
        Assert.Equal("application/dicom", WadoMultipart.Parameter(contentType, "type"));
        var parts = await WadoMultipart.ReadAsync(response);
        Assert.Equal(3, parts.Count);
        var bySop = parts.ToDictionary(part => DicomFile.Open(part.Bytes).Dataset.GetString(DicomTags.SOPInstanceUID)!);
        // Our writer's meta is what Intake writes, so these files come back identical to what was sent.
        Assert.Equal(stored.Sent[ExplicitSop], bySop[ExplicitSop].Bytes);
        Assert.Equal(stored.Sent[ImplicitSop], bySop[ImplicitSop].Bytes);
        // pydicom's file meta names pydicom; Intake rebuilt the meta, so compare the dataset bytes and the stored file.
        Assert.Equal(Part10Instance.Split(stored.Sent[PydicomSop]).DatasetBytes.ToArray(), Part10Instance.Split(bySop[PydicomSop].Bytes).DatasetBytes.ToArray());
        Assert.Equal(await stored.Host.Blobs.GetAsync(SeriesKeys.Instance(Study, Series2, PydicomSop)), bySop[PydicomSop].Bytes);
        Assert.Equal($"application/dicom; transfer-syntax={ImplicitVrLittleEndian}", bySop[ImplicitSop].ContentType);
        Assert.Equal($"application/dicom; transfer-syntax={ExplicitVrLittleEndian}", bySop[ExplicitSop].ContentType);
    }

    [Fact]
    public async Task TheSeriesUrlReturnsOnlyThatSeriesAndTheInstanceUrlOnlyThatInstance()
    {
        using var series = await stored.GetAsync(stored.SeriesUrl(ExplicitSop));
        Assert.Equal(HttpStatusCode.OK, series.StatusCode);
        var seriesParts = await WadoMultipart.ReadAsync(series);
        Assert.Equal([stored.Sent[ExplicitSop], stored.Sent[ImplicitSop]], seriesParts.Select(part => part.Bytes));

        using var instance = await stored.GetAsync(stored.InstanceUrls[ImplicitSop]);
        Assert.Equal(HttpStatusCode.OK, instance.StatusCode);
        Assert.Equal("application/dicom", WadoMultipart.Parameter(instance.Content.Headers.ContentType!, "type"));
        Assert.Equal([stored.Sent[ImplicitSop]], (await WadoMultipart.ReadAsync(instance)).Select(part => part.Bytes));
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("multipart/related")]
    [InlineData("multipart/related; type=\"application/dicom\"")]
    [InlineData("multipart/related; type=application/dicom; transfer-syntax=*")]
    [InlineData("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.1")]
    [InlineData("image/jpeg, multipart/related; type=\"application/dicom\"; q=0.5")]
    public async Task AnAcceptThatAllowsTheStoredFileIs200(string accept)
    {
        using var response = await stored.GetAsync(stored.InstanceUrls[ExplicitSop], accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([stored.Sent[ExplicitSop]], (await WadoMultipart.ReadAsync(response)).Select(part => part.Bytes));
    }

    [Theory]
    [InlineData("image/jpeg", "only multipart/related")]
    [InlineData("application/dicom+json", "only multipart/related")]
    [InlineData("multipart/related; type=\"image/jpeg\"", "only multipart/related")]
    [InlineData("multipart/related; type=\"application/dicom\"; q=0", "only multipart/related")]
    public async Task AnAcceptIntakeCannotProduceIs406WithTheReason(string accept, string reason)
    {
        using var response = await stored.GetAsync(stored.StudyUrl, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskingForExplicitVrOfASeriesWithAnImplicitVrInstanceConvertsThatInstanceAndSendsTheOtherAsStored()
    {
        using var response = await stored.GetAsync(stored.SeriesUrl(ImplicitSop), $"multipart/related; type=\"application/dicom\"; transfer-syntax={ExplicitVrLittleEndian}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parts = (await WadoMultipart.ReadAsync(response)).ToDictionary(part => DicomFile.Open(part.Bytes).Dataset.GetString(DicomTags.SOPInstanceUID)!);
        Assert.Equal(stored.Sent[ExplicitSop], parts[ExplicitSop].Bytes);
        var converted = DicomFile.Open(parts[ImplicitSop].Bytes);
        Assert.Equal(ExplicitVrLittleEndian, converted.TransferSyntax.Uid);
        Assert.Equal($"application/dicom; transfer-syntax={ExplicitVrLittleEndian}", parts[ImplicitSop].ContentType);
        var original = DicomFile.Open(stored.Sent[ImplicitSop]).Dataset;
        Assert.Equal(original.GetBytes(DicomTags.PixelData).ToArray(), converted.Dataset.GetBytes(DicomTags.PixelData).ToArray());
        Assert.Equal(original.GetDoubles(DicomTags.ImagePositionPatient), converted.Dataset.GetDoubles(DicomTags.ImagePositionPatient));
    }

    [Fact]
    public async Task AskingOnlyForASyntaxNoInstanceIsStoredInAndIntakeCannotConvertToIs406WithTheReasonAndALogLine()
    {
        using var response = await stored.GetAsync(stored.SeriesUrl(ImplicitSop), "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.70");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"is stored as {ExplicitVrLittleEndian}", body, StringComparison.Ordinal);
        Assert.Contains(stored.Host.Logs.Lines, line => line.StartsWith("Warning: WADO-RS request from 127.0.0.1 refused with 406:", StringComparison.Ordinal)
            && line.Contains(ExplicitSop, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/dicomweb/studies/1.2.3.999", "study 1.2.3.999 is not stored")]
    [InlineData($"/dicomweb/studies/{Study}/series/1.2.3.999", $"series 1.2.3.999 is not stored in study {Study}")]
    [InlineData($"/dicomweb/studies/{Study}/series/{Series1}/instances/1.2.3.999", $"instance 1.2.3.999 is not stored in series {Series1}")]
    [InlineData($"/dicomweb/studies/{Study}/series/1.2.3.999/instances/{ExplicitSop}", "series 1.2.3.999 is not stored")]
    [InlineData($"/dicomweb/studies/1.2.3.999/series/{Series1}/metadata", "study 1.2.3.999 is not stored")]
    public async Task AnUnknownStudySeriesOrInstanceIs404WithTheReasonAndALogLine(string url, string reason)
    {
        using var response = await stored.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(stored.Host.Logs.Lines, line => line.Contains("refused with 404: " + reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/dicomweb/studies/1.2.abc", "study UID")]
    [InlineData("/dicomweb/studies/1..2/metadata", "study UID")]
    [InlineData($"/dicomweb/studies/{Study}/series/1.2..3", "series UID")]
    [InlineData($"/dicomweb/studies/{Study}/series/{Series1}/instances/1.2.3456789012345678901234567890123456789012345678901234567890123", "SOP instance UID")]
    public async Task AnInvalidUidInThePathIs400(string url, string reason)
    {
        using var response = await stored.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"the {reason} in the path is not a UID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusalsAreLoggedWithoutPatientNames()
    {
        using var response = await stored.GetAsync(stored.StudyUrl, "image/jpeg");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains(stored.Host.Logs.Lines, line => line.Contains("WADO-RS request from 127.0.0.1 refused with 406", StringComparison.Ordinal));
        Assert.DoesNotContain(stored.Host.Logs.Lines, line => line.Contains("Yamada", StringComparison.Ordinal) || line.Contains("P88", StringComparison.Ordinal));
    }
}
