using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Dimse;

/// <summary>
/// Readiness of the DICOM SCP: ready once it listens, with the associations open now against the limit (at the limit a
/// PACS gets "local limit exceeded", so operations want to see it coming). No peer names or patient data.
/// </summary>
public sealed class DicomListenerHealthCheck(DicomListenerService listener, IOptions<IntakeOptions> options) : IHealthCheck
{
    public const string Name = "intake-dicom";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (listener.BoundPort is not { } port)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the DICOM SCP is not listening yet"));
        }
        var active = listener.ActiveAssociations;
        var limit = options.Value.MaxAssociations;
        var data = new Dictionary<string, object> { ["port"] = port, ["activeAssociations"] = active, ["maxAssociations"] = limit };
        var text = $"listening on port {port}, {active} of {limit} associations open";
        return Task.FromResult(active >= limit ? HealthCheckResult.Degraded(text, data: data) : HealthCheckResult.Healthy(text, data));
    }
}
