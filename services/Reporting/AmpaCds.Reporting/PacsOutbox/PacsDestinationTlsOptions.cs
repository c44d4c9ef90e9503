namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// DICOM TLS to a destination (secure transport connection profile): TLS 1.2 or 1.3, the destination's certificate
/// checked against the given CA only (not the system store), and a client certificate when the PACS wants one.
/// </summary>
public sealed class PacsDestinationTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM of the CA that issued the destination's certificate.</summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>PEM certificate and key AmpaCds presents (mutual TLS); both or neither.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientKeyPath { get; set; }

    /// <summary>The name the destination's certificate must carry; the destination's Host when empty.</summary>
    public string? ServerName { get; set; }
}
