namespace AmpaCds.Intake.Tests.Tls;

/// <summary>The private CA and certificates of deploy/certs.sh, made once per test class in a temporary AMPACDS_STATE.</summary>
public sealed class TestCertificates : IAsyncLifetime
{
    public string State { get; } = Path.Combine(Path.GetTempPath(), "ampacds-pki-" + Guid.NewGuid().ToString("N")[..8]);

    public string Pki => Path.Combine(State, "pki");

    public string File(string name) => Path.Combine(Pki, name);

    public string CaCertificate => File("ca.crt");

    // deploy/certs.sh through TestSupport's runner, which checks the files it made.
    public Task InitializeAsync() => AmpaCds.TestSupport.TestCertificates.CreateAsync(State);

    public Task DisposeAsync()
    {
        Directory.Delete(State, recursive: true);
        return Task.CompletedTask;
    }
}
