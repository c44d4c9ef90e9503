namespace AmpaCds.Reporting.Audit;

/// <summary>
/// Forwarding of stored audit events to a syslog collector (RFC 5424 over TLS, RFC 5425 framing), as IHE ATNA
/// sends audit messages. Off by default.
/// </summary>
public sealed class AuditSyslogOptions
{
    public const string Section = "AmpaCds:Audit:Syslog";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    /// <summary>6514 is syslog over TLS (RFC 5425).</summary>
    public int Port { get; set; } = 6514;

    /// <summary>PEM of the CA that issued the collector's certificate; required when enabled (no system trust store fallback).</summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>Optional client certificate (PEM) and key (PEM) when the collector authenticates senders.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientKeyPath { get; set; }

    public string AppName { get; set; } = "ampacds";

    /// <summary>10 authpriv (default) or 13 log audit.</summary>
    public int Facility { get; set; } = 10;

    public int BatchSize { get; set; } = 100;

    public double PollIntervalSeconds { get; set; } = 5;

    public double RetryDelaySeconds { get; set; } = 2;

    public double MaxRetryDelaySeconds { get; set; } = 300;

    public double ConnectTimeoutSeconds { get; set; } = 10;
}
