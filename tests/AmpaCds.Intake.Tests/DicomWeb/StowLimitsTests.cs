using System.Net;
using AmpaCds.Dicom;
using static AmpaCds.Intake.Tests.DicomWeb.StowJson;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>Configured bounds and a full disk, each with its own host configuration.</summary>
public sealed class StowLimitsTests
{
    [Fact]
    public async Task MorePartsThanAllowedIs413()
    {
        await using var host = await DicomWebHost.StartAsync(new Dictionary<string, string?> { ["AmpaCds:Intake:DicomWeb:MaxParts"] = "1" });
        var body = new MultipartDicomBody()
            .Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes())
            .Part(DicomFile.Create(PetDatasets.Slice(1)).ToBytes());

        using var response = await host.Client.PostAsync("/dicomweb/studies", body.ToContent());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("more than 1 parts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ARequestLargerThanAllowedIs413AndNothingIsStored(bool withContentLength)
    {
        await using var host = await DicomWebHost.StartAsync(new Dictionary<string, string?> { ["AmpaCds:Intake:DicomWeb:MaxRequestBytes"] = "300" });
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());
        Assert.True(body.ToBytes().Length > 300);
        // Without a length (chunked) the limit can only be enforced by Kestrel while the body is read.
        HttpContent content = withContentLength ? body.ToContent() : new ChunkedContent(body.ToContent());

        using var response = await host.Client.PostAsync("/dicomweb/studies", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Blobs.List("studies/"));
    }

    private sealed class ChunkedContent : HttpContent
    {
        private readonly HttpContent _inner;

        public ChunkedContent(HttpContent inner)
        {
            _inner = inner;
            Headers.TryAddWithoutValidation("Content-Type", inner.Headers.ContentType!.ToString());
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task APartLargerThanAllowedIs413()
    {
        await using var host = await DicomWebHost.StartAsync(new Dictionary<string, string?> { ["AmpaCds:Intake:DicomWeb:MaxInstanceBytes"] = "200" });
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());

        using var response = await host.Client.PostAsync("/dicomweb/studies", body.ToContent());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Blobs.List("studies/"));
    }

    [Fact]
    public async Task ANearlyFullDiskIsOutOfResourcesForEachInstance()
    {
        await using var host = await DicomWebHost.StartAsync(new Dictionary<string, string?> { ["AmpaCds:Intake:MinimumFreeDiskBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var body = new MultipartDicomBody().Part(DicomFile.Create(PetDatasets.Slice(0)).ToBytes());

        using var response = await host.Client.PostAsync("/dicomweb/studies", body.ToContent());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(42752, Number(Items(await ReadAsync(response), "00081198")[0], "00081197"));
    }
}
