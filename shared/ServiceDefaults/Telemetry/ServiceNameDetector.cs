using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Resources;

namespace AmpaCds.ServiceDefaults.Telemetry;

/// <summary>service.name from the validated options, else the host's application name; read when the tracer is built.</summary>
internal sealed class ServiceNameDetector(IServiceProvider services) : IResourceDetector
{
    public Resource Detect()
    {
        var configured = services.GetRequiredService<IOptions<TelemetryOptions>>().Value.ServiceName;
        var name = string.IsNullOrWhiteSpace(configured)
            ? services.GetService<IHostEnvironment>()?.ApplicationName ?? "ampacds"
            : configured;
        return new Resource(new Dictionary<string, object> { ["service.name"] = name, ["service.namespace"] = "ampacds" });
    }
}
