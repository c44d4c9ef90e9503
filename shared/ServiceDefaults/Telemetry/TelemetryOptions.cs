namespace AmpaCds.ServiceDefaults.Telemetry;

/// <summary>Traces (section "AmpaCds:Telemetry"): where to send them, and the name this process reports.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "AmpaCds:Telemetry";

    /// <summary>OTLP collector, e.g. http://otel-collector:4317; empty: spans are recorded for in-process listeners only, nothing is sent.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>"grpc" (port 4317) or "http/protobuf" (port 4318, the endpoint then ends in /v1/traces).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>service.name of the spans; empty: the host's application name (AmpaCds.Intake.Host, ..., AmpaCds.Cli).</summary>
    public string ServiceName { get; set; } = "";

    public bool ExportsOtlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
