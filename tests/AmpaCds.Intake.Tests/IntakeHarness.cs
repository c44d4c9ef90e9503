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

    public IntakeHarness(long minimumFreeDiskBytes = 1024, string? folder = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "ampacds-intake-" + Guid.NewGuid().ToString("N")[..8]);
        var values = new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = Folder,
            ["AmpaCds:Intake:ListenerEnabled"] = "false",
            ["AmpaCds:Intake:MinimumFreeDiskBytes"] = minimumFreeDiskBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public string Folder { get; }

    public IServiceProvider Services => _provider;

    public InstanceIntake Intake => _provider.GetRequiredService<InstanceIntake>();

    public IntakeDicomHandler Handler => _provider.GetRequiredService<IntakeDicomHandler>();

    public IBlobStore Blobs => _provider.GetRequiredService<IBlobStore>();

    public SeriesTracker Tracker => _provider.GetRequiredService<SeriesTracker>();

    public DurableInstanceStore Store => _provider.GetRequiredService<DurableInstanceStore>();

    /// <summary>Stops the parts without deleting the folder, as a clean shutdown does (the folder stays for a restart).</summary>
    public void Stop() => _provider.Dispose();

    public bool KeepFolder { get; set; }

    public void Dispose()
    {
        _provider.Dispose();
        if (KeepFolder)
        {
            return;
        }
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
