namespace AmpaCds.ServiceDefaults.Health;

/// <summary>What readiness demands of the host beyond its broker and database (AmpaCds:Health).</summary>
public sealed class HealthOptions
{
    public const string Section = "AmpaCds:Health";

    /// <summary>Below this many free bytes on the data root's device the service is not ready (1 GiB by default;
    /// Intake refuses instances below its own, lower, AmpaCds:Intake:MinimumFreeDiskBytes).</summary>
    public long MinimumFreeDiskBytes { get; set; } = 1024L * 1024 * 1024;
}
