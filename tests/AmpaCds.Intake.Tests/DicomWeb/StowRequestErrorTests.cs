using System.Net;
using AmpaCds.Dicom;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>STOW-RS requests refused as a whole (415, 406, 400): the reason is in the body and nothing is stored.</summary>
public sealed class StowRequestErrorTests : IAsyncLifetime
{
    private DicomWebHost _host = null!;

    public async Task InitializeAsync() => _host = await DicomWebHost.StartAsync();

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/dicom")]
    [InlineData("multipart/related; type=\"application/dicom+json\"; boundary=" + MultipartDicomBody.Boundary)]
    public async Task AnotherMediaTypeIs415(string mediaType)
    {
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());

        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent(mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(_host.Blobs.List("studies/"));
    }

    [Fact]
    public async Task AClientAcceptingOnlyXmlIs406AndNothingIsStored()
    {
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dicomweb/studies") { Content = body.ToContent() };
        request.Headers.TryAddWithoutValidation("Accept", "application/dicom+xml");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Empty(_host.Blobs.List("studies/"));
    }

    [Fact]
    public async Task AMultipartTypeWithoutBoundaryIs400WithTheReason()
    {
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());

        using var response = await _host.Client.PostAsync("/dicomweb/studies", body.ToContent("multipart/related; type=\"application/dicom\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("boundary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyWithoutTheBoundaryIs400WithTheReason()
    {
        var content = new ByteArrayContent("no multipart framing here\r\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/related; type=\"application/dicom\"; boundary={MultipartDicomBody.Boundary}");

        using var response = await _host.Client.PostAsync("/dicomweb/studies", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart body cannot be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyMultipartBodyIs400()
    {
        using var response = await _host.Client.PostAsync("/dicomweb/studies", new MultipartDicomBody().ToContent());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no parts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
