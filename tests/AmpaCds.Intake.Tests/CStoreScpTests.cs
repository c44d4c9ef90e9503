using System.Diagnostics;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Intake.Tests;

/// <summary>Intake's handler behind the real DICOM server, with our SCU and DCMTK's storescu as senders.</summary>
public sealed class CStoreScpTests : IAsyncLifetime
{
    private readonly IntakeHarness _harness = new();
    private DicomServer? _server;

    public async Task InitializeAsync()
    {
        _server = new DicomServer(new DicomServerOptions { Port = 0 }, _harness.Handler);
        await _server.StartAsync();
    }

    [Fact]
    public async Task EachInstanceGetsItsOwnStatusAndTheAssociationStaysUsable()
    {
        var good = PetDatasets.Slice(0, numberOfSlices: 5);
        var withoutPixelSpacing = PetDatasets.Slice(1, numberOfSlices: 5);
        withoutPixelSpacing.Remove(DicomTags.PixelSpacing);
        var alsoGood = PetDatasets.Slice(2, numberOfSlices: 5);

        var client = new DicomClient("127.0.0.1", _server!.Port, "TESTSCU", "AMPACDS");
        var results = await client.StoreAsync([DicomFile.Create(good), DicomFile.Create(withoutPixelSpacing), DicomFile.Create(alsoGood)]);

        Assert.Equal([DicomStatus.Success, DicomStatus.DatasetDoesNotMatchSopClass, DicomStatus.Success], results.Select(r => r.Status));
        Assert.Equal(2, _harness.Blobs.List("studies/").Count);
    }

    [Fact]
    public async Task StorescuDeliversAFolderAndEveryInstanceIsDurable()
    {
        var folder = Path.Combine(_harness.Folder, "outgoing");
        Directory.CreateDirectory(folder);
        for (var index = 0; index < 4; index++)
        {
            DicomFile.Create(PetDatasets.Slice(index, numberOfSlices: 4)).Save(Path.Combine(folder, $"{index}.dcm"));
        }
        var start = new ProcessStartInfo("storescu") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-aec", "AMPACDS", "-xi", "--scan-directories", "127.0.0.1", _server!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), folder })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["TCP_NODELAY"] = "1";
        using var storescu = Process.Start(start)!;
        var error = await storescu.StandardError.ReadToEndAsync();
        await storescu.WaitForExitAsync();
        Assert.True(storescu.ExitCode == 0, error);
        Assert.Equal(4, _harness.Blobs.List("studies/").Count);
        Assert.Equal(0, _harness.Tracker.OpenSeriesCount);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _harness.Dispose();
    }
}
