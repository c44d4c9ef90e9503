namespace AmpaCds.Reporting.Clients;

/// <summary>Where the gateway reaches Quantification's API (the maps behind the report's figures), and how patiently.</summary>
public sealed class QuantificationClientOptions
{
    public const string Section = "AmpaCds:Reporting";

    /// <summary>Quantification's https base URL (e.g. https://quantification:8443). Empty: no map client is registered.</summary>
    public string QuantificationUrl { get; set; } = "";

    /// <summary>Retries after a transient failure (connection refused, 5xx, 408, 429, attempt timeout); bounded so a page never hangs.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long one attempt may take; a map is a few hundred kilobytes.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
