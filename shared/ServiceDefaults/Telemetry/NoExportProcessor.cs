using System.Diagnostics;
using OpenTelemetry;

namespace AmpaCds.ServiceDefaults.Telemetry;

/// <summary>Stands in for the OTLP exporter when no endpoint is configured: spans still reach in-process exporters (tests).</summary>
internal sealed class NoExportProcessor : BaseProcessor<Activity>;
