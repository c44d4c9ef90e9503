using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Tests.DicomWeb;
using AmpaCds.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Tests.Access;

/// <summary>One association event, one log line: an accepted association and a peer refused by address each appear once.</summary>
public sealed class AssociationLogTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-assoc-log-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly CollectedLogs _logs = new();
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
            ["AmpaCds:Intake:Peers:1:AeTitle"] = "ELSEWHERE",
            ["AmpaCds:Intake:Peers:1:Addresses:0"] = "192.0.2.0/24",
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_logs));
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        _provider = services.BuildServiceProvider();
        _listener = _provider.GetRequiredService<DicomListenerService>();
        await _listener.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnAcceptedAssociationIsLoggedOnce()
    {
        await Client("ORTHANC").EchoAsync();

        var accepted = Assert.Single(_logs.Lines, line => line.Contains("ccepted", StringComparison.Ordinal) && line.Contains("ORTHANC", StringComparison.Ordinal));
        Assert.Contains("Accepted association ORTHANC -> AMPACDS from 127.0.0.1", accepted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeerRefusedByAddressIsLoggedOnceWithTheCause()
    {
        await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => Client("ELSEWHERE").EchoAsync());

        var refused = Assert.Single(_logs.Lines, line => line.Contains("ELSEWHERE", StringComparison.Ordinal));
        Assert.StartsWith("Warning: Rejected association ELSEWHERE -> AMPACDS", refused, StringComparison.Ordinal);
        Assert.Contains("calling AE title not recognized", refused, StringComparison.Ordinal);
        Assert.Contains("refused by peer access: peer ELSEWHERE is not allowed from 127.0.0.1", refused, StringComparison.Ordinal);
    }

    private DicomClient Client(string callingAe) => new("127.0.0.1", _listener.BoundPort!.Value, callingAe, "AMPACDS") { Timeout = TimeSpan.FromSeconds(10) };

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
