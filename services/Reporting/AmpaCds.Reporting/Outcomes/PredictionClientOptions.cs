namespace AmpaCds.Reporting.Outcomes;

/// <summary>Where the gateway reaches Prediction's gRPC API (outcomes recorded from the portal).</summary>
public sealed class PredictionClientOptions
{
    public const string Section = "AmpaCds:Reporting:Prediction";

    /// <summary>https://host:port of Prediction's gRPC endpoint (http:// only for the embedded shape on loopback); empty: outcomes cannot be recorded here.</summary>
    public string Url { get; set; } = "";

    /// <summary>PEM of the CA that signed Prediction's certificate; empty: the issuer's CA (AmpaCds:Auth:AuthorityCaCertificatePath), else the system store.</summary>
    public string CaCertificatePath { get; set; } = "";
}
