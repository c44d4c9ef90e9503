namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// Where each report version goes back into the hospital's PACS (AmpaCds:Pacs). No destination, nothing sent.
/// Retries back off exponentially from RetryDelaySeconds to MaxRetryDelaySeconds; after MaxAttempts failed
/// attempts an object goes to the dead-letter list with the last reason.
/// </summary>
public sealed class PacsOptions
{
    public const string Section = "AmpaCds:Pacs";

    /// <summary>The AE title AmpaCds calls with; the PACS usually has to know it.</summary>
    public string CallingAeTitle { get; set; } = "AMPACDS";

    /// <summary>Language of the PDF and the key images sent ("ja" or "en").</summary>
    public string Language { get; set; } = "en";

    public List<PacsDestinationOptions> Destinations { get; set; } = [];

    public double PollIntervalSeconds { get; set; } = 5;

    public double RetryDelaySeconds { get; set; } = 10;

    public double MaxRetryDelaySeconds { get; set; } = 600;

    public int MaxAttempts { get; set; } = 100;

    /// <summary>Connect and per-response timeout of one association.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    public PacsDestinationOptions? Find(string name) =>
        Destinations.FirstOrDefault(destination => string.Equals(destination.Name, name, StringComparison.Ordinal));
}
