using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace AmpaCds.ServiceDefaults.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// Every ActivitySource whose name starts with this is traced: AmpaCds.Intake (associations, series),
    /// AmpaCds.Persistence (outbox publish), AmpaCds.Reporting (PACS delivery).
    /// </summary>
    public const string AmpaCdsSources = "AmpaCds.*";

    /// <summary>MassTransit's own ActivitySource: send, receive and consume spans, and the W3C traceparent header on every message.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>
    /// Tracing for one process: AmpaCds' sources, MassTransit, incoming ASP.NET Core requests (gRPC, portal, DICOMweb) and
    /// outgoing HttpClient calls (gRPC clients go through HttpClient), exported over OTLP when an endpoint is set.
    /// Log records carry the current TraceId and SpanId as a scope, shown by the JSON console formatter.
    /// </summary>
    public static IServiceCollection AddAmpaCdsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidation>();
        services.Configure<LoggerFactoryOptions>(logging =>
            logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddDetector(provider => new ServiceNameDetector(provider)))
            .WithTracing(tracing => tracing
                .AddSource(AmpaCdsSources, MassTransitSource)
                // Probes call /health every few seconds; their spans would bury the studies'.
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddProcessor(OtlpExport));
        return services;
    }

    /// <summary>The exporter is chosen from the validated options when the tracer is built, so no key is read before validation.</summary>
    private static BaseProcessor<Activity> OtlpExport(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.ExportsOtlp)
        {
            return new NoExportProcessor();
        }
        var exporter = new OtlpTraceExporter(new OtlpExporterOptions
        {
            Endpoint = new Uri(options.OtlpEndpoint),
            Protocol = options.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
        });
        return new BatchActivityExportProcessor(exporter);
    }
}
