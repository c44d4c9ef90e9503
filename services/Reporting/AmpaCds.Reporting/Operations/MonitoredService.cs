namespace AmpaCds.Reporting.Operations;

/// <summary>A service the ops page asks for its readiness.</summary>
public sealed class MonitoredService
{
    public string Name { get; set; } = "";

    public string HealthUrl { get; set; } = "";
}
