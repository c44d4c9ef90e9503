using System.Net;
using System.Net.Sockets;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake;
using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Conformance.Tests;

/// <summary>
/// Intake's real C-STORE path (handler, validation, fsynced blob store) behind a real <see cref="DicomServer"/> on a free
/// loopback port. No bus: what a peer sees over DICOM is all that is exercised here.
/// </summary>
public sealed class IntakeNode : IAsyncDisposable
{
    public const string AeTitle = "AMPACDS";

    private readonly ServiceProvider _provider;
    private readonly DicomServer _server;

    private IntakeNode(ServiceProvider provider, DicomServer server, string folder)
    {
        _provider = provider;
        _server = server;
        Folder = folder;
    }

    public string Folder { get; }
    public int Port => _server.Port;
    public IBlobStore Blobs => _provider.GetRequiredService<IBlobStore>();

    public static async Task<IntakeNode> StartAsync(int port = 0)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ampacds-conformance-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = folder,
            ["AmpaCds:Intake:ListenerEnabled"] = "false",
            ["AmpaCds:Intake:MinimumFreeDiskBytes"] = "1024",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        var provider = services.BuildServiceProvider();
        var options = new DicomServerOptions
        {
            AeTitle = AeTitle, Port = port, BindAddress = IPAddress.Loopback, MaxAssociations = 16,
            TransferSyntaxes = AmpaCds.Intake.Dimse.DicomListenerService.AcceptedTransferSyntaxes, // as the real listener
        };
        var server = new DicomServer(options, provider.GetRequiredService<IntakeDicomHandler>());
        await server.StartAsync(CancellationToken.None);
        return new IntakeNode(provider, server, folder);
    }

    /// <summary>A port nobody listens on right now, for peers whose config must name it before they start.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>True when the instance is in the blob store and its bytes parse as the same SOP instance.</summary>
    public async Task<bool> HoldsAsync(string studyUid, string seriesUid, string sopUid)
    {
        var key = SeriesKeys.Instance(studyUid, seriesUid, sopUid);
        if (!Blobs.Exists(key)) return false;
        var file = AmpaCds.Dicom.DicomFile.Open(await Blobs.GetAsync(key));
        return file.Dataset.GetString(AmpaCds.Dicom.DicomTags.SOPInstanceUID) == sopUid;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
