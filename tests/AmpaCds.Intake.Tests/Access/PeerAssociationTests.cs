using System.Diagnostics;
using System.Globalization;
using AmpaCds.Intake.Dimse;
using AmpaCds.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Intake.Tests.Access;

/// <summary>Intake's real listener configured with peers; DCMTK's echoscu associates as a listed and an unlisted AE.</summary>
public sealed class PeerAssociationTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-peers-" + Guid.NewGuid().ToString("N")[..8]);
    private ServiceProvider _provider = null!;
    private DicomListenerService _listener = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = _folder,
            ["AmpaCds:Intake:Port"] = "0",
            ["AmpaCds:Intake:Peers:0:AeTitle"] = "ORTHANC",
            ["AmpaCds:Intake:Peers:0:Addresses:0"] = "127.0.0.1/32",
            // Listed, but not from loopback: refused once DicomServer has the association veto hook (services/Intake/README.md).
            ["AmpaCds:Intake:Peers:1:AeTitle"] = "ELSEWHERE",
            ["AmpaCds:Intake:Peers:1:Addresses:0"] = "192.0.2.0/24",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        _provider = services.BuildServiceProvider();
        _listener = _provider.GetRequiredService<DicomListenerService>();
        await _listener.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AListedPeerIsAccepted()
    {
        var (exitCode, output) = await EchoAsync("ORTHANC");
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task AnUnlistedCallingAeIsRejectedAtAssociation()
    {
        var (exitCode, output) = await EchoAsync("STRANGER");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Calling AE Title Not Recognized", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AListedAeFromAnUnlistedAddressIsRejectedAtAssociation()
    {
        var (exitCode, output) = await EchoAsync("ELSEWHERE");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Calling AE Title Not Recognized", output, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(int ExitCode, string Output)> EchoAsync(string callingAe)
    {
        var start = new ProcessStartInfo("echoscu") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-v", "-aet", callingAe, "-aec", "AMPACDS", "-to", "10", "127.0.0.1", _listener.BoundPort!.Value.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["TCP_NODELAY"] = "1";
        using var echoscu = Process.Start(start)!;
        var output = echoscu.StandardOutput.ReadToEndAsync();
        var error = echoscu.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await echoscu.WaitForExitAsync(timeout.Token);
        return (echoscu.ExitCode, await output + await error);
    }

    public async Task DisposeAsync()
    {
        await _listener.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
