using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AmpaCds.Intake.Tls;

/// <summary>/health/ready entry "intake-dicom-tls": off, or listening with the count of refused connections.</summary>
public sealed class DicomTlsListenerHealthCheck(DicomTlsListenerService listener, DicomTlsHandshake handshake) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!listener.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("DICOM TLS off"));
        }
        if (listener.BoundPort is not { } port)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("DICOM TLS enabled but not listening yet"));
        }
        var data = new Dictionary<string, object>
        {
            ["port"] = port,
            ["refusedConnections"] = handshake.RefusedConnections,
        };
        return Task.FromResult(HealthCheckResult.Healthy($"DICOM TLS listening on port {port}", data));
    }
}
