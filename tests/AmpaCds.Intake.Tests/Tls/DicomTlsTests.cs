using System.Net;
using System.Net.Sockets;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Tls;
using AmpaCds.Security.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Intake.Tests.Tls;

/// <summary>
/// DCMTK's storescu and echoscu (and openssl s_client) against Intake's DICOM TLS port, with the certificates of
/// deploy/certs.sh: the CA's peer is served exactly as on the plain port; every other client is refused at the
/// handshake, stores nothing and leaves one audit event.
/// </summary>
public sealed class DicomTlsTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private static readonly TimeSpan ToolLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AuditLimit = TimeSpan.FromSeconds(15);

    private static string WriteInstance(string folder, DicomDataset instance)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, PetDatasets.SopInstance(instance) + ".dcm");
        DicomFile.Create(instance).Save(path);
        return path;
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments) =>
        ScriptRunner.RunAsync(tool, arguments, ToolLimit, new Dictionary<string, string> { ["TCP_NODELAY"] = "1" });

    private static IEnumerable<string> Association(int port, params string[] files) =>
        ["-aet", "DCMTKSCU", "-aec", "AMPACDS", "127.0.0.1", TlsIntakeNode.Text(port), .. files];

    private string[] TlsWith(string certificateName) =>
        ["+tls", certificates.File(certificateName + ".key"), certificates.File(certificateName + ".crt"), "+cf", certificates.CaCertificate];

    private void AssertRefusal(AuditEvent refusal, int tlsPort, string expectedActor, string expectedReasonPart)
    {
        Assert.Equal(AuditEventKind.NodeAuthenticationRefused, refusal.Kind);
        Assert.Equal(AuditOutcome.MinorFailure, refusal.Outcome);
        Assert.Equal(expectedActor, refusal.Actor.UserId);
        Assert.Equal("127.0.0.1", refusal.Actor.NetworkAddress);
        Assert.Equal([new AuditObject(AuditObjectKind.Node, $"dicom-tls:{tlsPort}")], refusal.Objects);
        Assert.Contains(expectedReasonPart, refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorescuWithTheCasPeerCertificateStoresTheSameBytesAsThePlainPort()
    {
        await using var overTls = await TlsIntakeNode.StartAsync(certificates);
        await using var overPlain = await TlsIntakeNode.StartAsync(certificates);
        var instance = PetDatasets.Slice(0, numberOfSlices: 1);
        var file = WriteInstance(Path.Combine(overTls.Folder, "outgoing"), instance);

        var tls = await RunAsync("storescu", [.. TlsWith("dicom-peer"), .. Association(overTls.TlsPort, file)]);
        var plain = await RunAsync("storescu", Association(overPlain.PlainPort, file));

        Assert.True(tls.ExitCode == 0, tls.Output);
        Assert.True(plain.ExitCode == 0, plain.Output);
        var storedOverTls = await overTls.StoredAsync(instance);
        Assert.NotNull(storedOverTls);
        Assert.Equal(await overPlain.StoredAsync(instance), storedOverTls);
        Assert.Empty(overTls.Audit.Events);
    }

    [Fact]
    public async Task EchoscuOverTlsIsAnswered()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);

        var echo = await RunAsync("echoscu", [.. TlsWith("dicom-peer"), .. Association(node.TlsPort)]);

        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.Empty(node.Audit.Events);
    }

    [Fact]
    public async Task APeerOfAnotherCaIsRefusedAtTheHandshakeAndAudited()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);
        var instance = PetDatasets.Slice(1, numberOfSlices: 1);
        var file = WriteInstance(Path.Combine(node.Folder, "outgoing"), instance);

        var result = await RunAsync("storescu", [.. TlsWith("stranger"), .. Association(node.TlsPort, file)]);

        Assert.NotEqual(0, result.ExitCode);
        AssertRefusal(await node.Audit.SingleAsync(AuditLimit), node.TlsPort, "CN=Untrusted peer, O=Somewhere else", "does not chain to a trusted CA");
        Assert.Null(await node.StoredAsync(instance));
    }

    [Fact]
    public async Task APeerWithoutACertificateIsRefusedAndAudited()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);
        var instance = PetDatasets.Slice(2, numberOfSlices: 1);
        var file = WriteInstance(Path.Combine(node.Folder, "outgoing"), instance);

        // +tla: TLS without a client certificate, the server still verified against the CA.
        var result = await RunAsync("storescu", ["+tla", "+cf", certificates.CaCertificate, .. Association(node.TlsPort, file)]);

        Assert.NotEqual(0, result.ExitCode);
        AssertRefusal(await node.Audit.SingleAsync(AuditLimit), node.TlsPort, AuditActor.Anonymous, "no client certificate presented");
        Assert.Null(await node.StoredAsync(instance));
    }

    [Fact]
    public async Task AnExpiredPeerCertificateIsRefusedAndAudited()
    {
        // certs.sh issues for two years; three years on, the CA's own peer has expired.
        var threeYearsOn = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(3));
        await using var node = await TlsIntakeNode.StartAsync(certificates, threeYearsOn);
        var instance = PetDatasets.Slice(3, numberOfSlices: 1);
        var file = WriteInstance(Path.Combine(node.Folder, "outgoing"), instance);

        var result = await RunAsync("storescu", [.. TlsWith("dicom-peer"), .. Association(node.TlsPort, file)]);

        Assert.NotEqual(0, result.ExitCode);
        AssertRefusal(await node.Audit.SingleAsync(AuditLimit), node.TlsPort, "CN=DICOM peer, O=AmpaCds local", "expired at");
        Assert.Null(await node.StoredAsync(instance));
    }

    [Fact]
    public async Task PlainDicomOnTheTlsPortIsRefusedWhileThePlainPortKeepsWorking()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);
        var refused = PetDatasets.Slice(4, numberOfSlices: 2);
        var accepted = PetDatasets.Slice(5, numberOfSlices: 2);
        var refusedFile = WriteInstance(Path.Combine(node.Folder, "outgoing-refused"), refused);
        var acceptedFile = WriteInstance(Path.Combine(node.Folder, "outgoing-accepted"), accepted);

        var onTlsPort = await RunAsync("storescu", Association(node.TlsPort, refusedFile));
        var onPlainPort = await RunAsync("storescu", Association(node.PlainPort, acceptedFile));

        Assert.NotEqual(0, onTlsPort.ExitCode);
        Assert.True(onPlainPort.ExitCode == 0, onPlainPort.Output);
        AssertRefusal(await node.Audit.SingleAsync(AuditLimit), node.TlsPort, AuditActor.Anonymous, "plain DICOM (A-ASSOCIATE-RQ without TLS)");
        Assert.Null(await node.StoredAsync(refused));
        Assert.NotNull(await node.StoredAsync(accepted));
        Assert.Equal(1, node.StoredCount);
    }

    [Fact]
    public async Task Tls11IsRefused()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);

        var result = await RunAsync("openssl", ["s_client", "-connect", $"127.0.0.1:{node.TlsPort}", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0",
            "-cert", certificates.File("dicom-peer.crt"), "-key", certificates.File("dicom-peer.key"), "-CAfile", certificates.CaCertificate]);

        Assert.NotEqual(0, result.ExitCode);
        // s_client prints the protocol it proposed even when refused; the refusal shows as no cipher and the server's alert.
        Assert.Contains("Cipher is (NONE)", result.Output, StringComparison.Ordinal);
        Assert.Contains("alert protocol version", result.Output, StringComparison.Ordinal);
        AssertRefusal(await node.Audit.SingleAsync(AuditLimit), node.TlsPort, AuditActor.Anonymous, "TLS handshake failed");
    }

    [Theory]
    [InlineData("ECDHE-ECDSA-AES256-GCM-SHA384", true)]
    [InlineData("ECDHE-ECDSA-AES128-SHA256", false)] // CBC: not in the BCP 195 profile
    [InlineData("ECDHE-ECDSA-CHACHA20-POLY1305", false)]
    public async Task Tls12OffersOnlyTheProfilesSuites(string suite, bool accepted)
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);

        // stdin from /dev/null: an established s_client session ends at once instead of waiting for input.
        var result = await RunAsync("bash", ["-c", "openssl s_client -connect \"127.0.0.1:$1\" -tls1_2 -cipher \"$2\" -cert \"$3\" -key \"$4\" -CAfile \"$5\" </dev/null",
            "s_client", TlsIntakeNode.Text(node.TlsPort), suite, certificates.File("dicom-peer.crt"), certificates.File("dicom-peer.key"), certificates.CaCertificate]);

        if (accepted)
        {
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains($"Cipher is {suite}", result.Output, StringComparison.Ordinal);
            Assert.Empty(node.Audit.Events);
        }
        else
        {
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Cipher is (NONE)", result.Output, StringComparison.Ordinal);
            AssertRefusal(await node.Audit.SingleAsync(AuditLimit), node.TlsPort, AuditActor.Anonymous, "TLS handshake failed");
        }
    }

    [Fact]
    public async Task ASilentClientIsDroppedAfterTheIdleTimeout()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);
        var handshake = node.Services.GetRequiredService<DicomTlsHandshake>();
        // The listener's own server, with a one-second idle timeout instead of 30 s.
        await using var server = new DicomServer(new DicomServerOptions
        {
            Port = 0, ArtimTimeout = TimeSpan.FromSeconds(1), ConnectionSecurity = handshake.SecureAsync,
        }, node.Services.GetRequiredService<IntakeDicomHandler>());
        await server.StartAsync();
        using var silent = new TcpClient();
        await silent.ConnectAsync(IPAddress.Loopback, server.Port);

        var refusal = await node.Audit.SingleAsync(AuditLimit);
        var buffer = new byte[16];
        using var limit = new CancellationTokenSource(AuditLimit);
        var read = await silent.GetStream().ReadAsync(buffer, limit.Token);

        Assert.Equal(0, read); // closed by the server, without a byte
        AssertRefusal(refusal, server.Port, AuditActor.Anonymous, "nothing received within the association idle timeout");
    }

    [Fact]
    public async Task TheReadinessCheckShowsThePortAndTheRefusals()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);
        var health = node.Services.GetRequiredService<HealthCheckService>();
        var before = (await health.CheckHealthAsync(check => check.Name == "intake-dicom-tls")).Entries["intake-dicom-tls"];
        var refused = await RunAsync("echoscu", [.. TlsWith("stranger"), .. Association(node.TlsPort)]);
        await node.Audit.SingleAsync(AuditLimit);

        var after = (await health.CheckHealthAsync(check => check.Name == "intake-dicom-tls")).Entries["intake-dicom-tls"];

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal(node.TlsPort, after.Data["port"]);
        Assert.Equal(0L, before.Data["refusedConnections"]);
        Assert.Equal(1L, after.Data["refusedConnections"]);
    }

    [Fact]
    public async Task TheCertificateRequestNamesTheTrustedCa()
    {
        await using var node = await TlsIntakeNode.StartAsync(certificates);

        var result = await RunAsync("bash", ["-c", "openssl s_client -connect \"127.0.0.1:$1\" -CAfile \"$2\" </dev/null",
            "s_client", TlsIntakeNode.Text(node.TlsPort), certificates.CaCertificate]);

        // A peer with several certificates picks the one this CA issued; a peer with none is then refused.
        var lines = result.Output.Split('\n');
        var header = Array.FindIndex(lines, line => line.StartsWith("Acceptable client certificate CA names", StringComparison.Ordinal));
        Assert.True(header >= 0, result.Output);
        Assert.Equal("O = AmpaCds local, CN = AmpaCds private CA", lines[header + 1].Trim());
    }
}
