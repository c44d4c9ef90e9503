using System.Diagnostics;
using System.Text.Json;
using AmpaCds.Dicom;
using static AmpaCds.Intake.Tests.DicomWeb.StowJson;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>curl as a second HTTP client, posting the body from a file exactly as the README shows.</summary>
public sealed class StowCurlTests : IAsyncLifetime
{
    private DicomWebHost _host = null!;

    public async Task InitializeAsync() => _host = await DicomWebHost.StartAsync();

    [Fact]
    public async Task CurlPostsAStudyAndReadsTheStatusAndResponse()
    {
        var bodyPath = Path.Combine(_host.Folder, "stow-body.bin");
        Directory.CreateDirectory(_host.Folder);
        var body = new MultipartDicomBody()
            .Part(DicomFile.Create(PetDatasets.Slice(0, numberOfSlices: 2)).ToBytes())
            .Part(DicomFile.Create(PetDatasets.Slice(1, numberOfSlices: 2)).ToBytes());
        await File.WriteAllBytesAsync(bodyPath, body.ToBytes());

        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-sS", "-w", "\n%{http_code}", "-X", "POST",
            "-H", $"Content-Type: multipart/related; type=\"application/dicom\"; boundary={MultipartDicomBody.Boundary}",
            "-H", "Accept: application/dicom+json",
            "-H", $"Authorization: Bearer {_host.PacsToken}",
            "--data-binary", "@" + bodyPath, new Uri(_host.BaseAddress, "/dicomweb/studies").ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var curl = Process.Start(start)!;
        var output = await curl.StandardOutput.ReadToEndAsync();
        var error = await curl.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await curl.WaitForExitAsync(timeout.Token);

        Assert.True(curl.ExitCode == 0, error);
        var split = output.LastIndexOf('\n');
        Assert.Equal("200", output[(split + 1)..]);
        var json = JsonDocument.Parse(output[..split]).RootElement;
        Assert.Equal(2, Items(json, "00081199").Count);
        Assert.Equal(2, _host.Blobs.List("studies/").Count(key => key.EndsWith(".dcm", StringComparison.Ordinal)));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
