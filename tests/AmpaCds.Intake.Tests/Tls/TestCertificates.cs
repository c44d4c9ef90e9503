namespace AmpaCds.Intake.Tests.Tls;

/// <summary>The private CA and certificates of deploy/certs.sh, made once per test class in a temporary AMPACDS_STATE.</summary>
public sealed class TestCertificates : IAsyncLifetime
{
    public string State { get; } = Path.Combine(Path.GetTempPath(), "ampacds-pki-" + Guid.NewGuid().ToString("N")[..8]);

    public string Pki => Path.Combine(State, "pki");

    public string File(string name) => Path.Combine(Pki, name);

    public string CaCertificate => File("ca.crt");

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("bash", [RepositoryRoot.Script("certs.sh"), "create"], TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["AMPACDS_STATE"] = State });
        if (exitCode != 0 || !System.IO.File.Exists(File("dicom-peer.key")))
        {
            throw new InvalidOperationException($"deploy/certs.sh failed ({exitCode}): {output}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(State, recursive: true);
        return Task.CompletedTask;
    }
}
