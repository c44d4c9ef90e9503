using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Series;
using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Intake.Tests;

/// <summary>Intake's real parts over a temporary folder, without a bus: what a C-STORE touches.</summary>
public sealed class IntakeHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public IntakeHarness(long minimumFreeDiskBytes = 1024)
    {
        Folder = Path.Combine(Path.GetTempPath(), "ampacds-intake-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = Folder,
            ["AmpaCds:Intake:ListenerEnabled"] = "false",
            ["AmpaCds:Intake:MinimumFreeDiskBytes"] = minimumFreeDiskBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        _provider = services.BuildServiceProvider();
    }

    public string Folder { get; }

    public InstanceIntake Intake => _provider.GetRequiredService<InstanceIntake>();

    public IntakeDicomHandler Handler => _provider.GetRequiredService<IntakeDicomHandler>();

    public IBlobStore Blobs => _provider.GetRequiredService<IBlobStore>();

    public SeriesTracker Tracker => _provider.GetRequiredService<SeriesTracker>();

    public void Dispose()
    {
        _provider.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
