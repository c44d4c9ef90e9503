using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Tls;
using AmpaCds.Security.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Intake.Tests.Tls;

/// <summary>
/// Intake's two DICOM listeners as the host registers them (plain and TLS, both on free loopback ports), with a
/// recording audit trail in place of the durable one.
/// </summary>
public sealed class TlsIntakeNode : IAsyncDisposable
{
    private readonly IntakeHarness _harness;

    private TlsIntakeNode(IntakeHarness harness) => _harness = harness;

    public RecordingAuditTrail Audit { get; } = new();

    public int PlainPort => _harness.Services.GetRequiredService<DicomListenerService>().BoundPort!.Value;

    public int TlsPort => _harness.Services.GetRequiredService<DicomTlsListenerService>().BoundPort!.Value;

    public string Folder => _harness.Folder;

    public IServiceProvider Services => _harness.Services;

    public static async Task<TlsIntakeNode> StartAsync(TestCertificates certificates, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AmpaCds:Intake:ListenerEnabled"] = "true",
            ["AmpaCds:Intake:Port"] = "0",
            ["AmpaCds:Intake:Tls:Enabled"] = "true",
            ["AmpaCds:Intake:Tls:Port"] = "0",
            ["AmpaCds:Intake:Tls:CertificatePath"] = certificates.File("server.crt"),
            ["AmpaCds:Intake:Tls:KeyPath"] = certificates.File("server.key"),
            ["AmpaCds:Intake:Tls:TrustedPeersCaPath"] = certificates.CaCertificate,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        TlsIntakeNode? node = null;
        var harness = new IntakeHarness(settings: values, configure: services =>
        {
            services.AddSingleton<IAuditTrail>(_ => node!.Audit);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
        node = new TlsIntakeNode(harness);
        await harness.Services.GetRequiredService<DicomListenerService>().StartAsync(CancellationToken.None);
        await harness.Services.GetRequiredService<DicomTlsListenerService>().StartAsync(CancellationToken.None);
        return node;
    }

    /// <summary>The stored Part 10 file of the instance, or null when Intake holds none.</summary>
    public async Task<byte[]?> StoredAsync(DicomDataset instance)
    {
        var key = SeriesKeys.Instance(instance.GetString(DicomTags.StudyInstanceUID)!, instance.GetString(DicomTags.SeriesInstanceUID)!,
            instance.GetString(DicomTags.SOPInstanceUID)!);
        if (!_harness.Blobs.Exists(key))
        {
            return null;
        }
        return await _harness.Blobs.GetAsync(key);
    }

    public int StoredCount => _harness.Blobs.List("studies/").Count;

    public static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _harness.Services.GetRequiredService<DicomTlsListenerService>().StopAsync(CancellationToken.None);
        await _harness.Services.GetRequiredService<DicomListenerService>().StopAsync(CancellationToken.None);
        // The listeners are only IAsyncDisposable, which the harness's synchronous Dispose would refuse.
        await ((ServiceProvider)_harness.Services).DisposeAsync();
        _harness.Dispose();
    }
}
