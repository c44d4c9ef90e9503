namespace AmpaCds.TestSupport;

/// <summary>The private CA and certificates of deploy/certs.sh, made (idempotently) under a state folder the test owns.</summary>
public sealed record TestCertificates(string Folder)
{
    public string CaCertificate => Path.Combine(Folder, "ca.crt");

    public string ServerCertificate => Path.Combine(Folder, "server.crt");

    public string ServerKey => Path.Combine(Folder, "server.key");

    public string StrangerCaCertificate => Path.Combine(Folder, "stranger-ca.crt");

    /// <summary>Runs deploy/certs.sh with AMPACDS_STATE=<paramref name="stateFolder"/>; the files land in its pki/.</summary>
    public static async Task<TestCertificates> CreateAsync(string stateFolder)
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("bash", [RepositoryRoot.Script("certs.sh"), "create"], TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["AMPACDS_STATE"] = stateFolder });
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"deploy/certs.sh create failed (exit {exitCode}): {output}");
        }
        var certificates = new TestCertificates(Path.Combine(stateFolder, "pki"));
        return File.Exists(certificates.ServerKey)
            ? certificates
            : throw new InvalidOperationException($"deploy/certs.sh did not make {certificates.ServerKey}: {output}");
    }
}
