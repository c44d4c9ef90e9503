using System.Diagnostics;

namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// Carries a study's trace across the outbox: the writer's traceparent is stored with the row, and the dispatcher,
/// which runs later on a background loop with no trace of its own, publishes under a span parented by it.
/// </summary>
public static class OutboxTelemetry
{
    public const string SourceName = "AmpaCds.Persistence";

    /// <summary>Span name prefix; the message type's short name follows ("outbox publish PetSeriesReceived").</summary>
    public const string PublishSpan = "outbox publish";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The current activity's W3C id (00-trace-span-flags), or null outside a trace or with a legacy hierarchical id.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : null;

    /// <summary>A span under the row's stored trace; null when the row has none (or nobody listens), so MassTransit starts its own.</summary>
    public static Activity? StartPublish(OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!ActivityContext.TryParse(row.TraceParent, null, out var parent))
        {
            return null;
        }
        var shortName = row.MessageType[(row.MessageType.LastIndexOf('.') + 1)..];
        var activity = Source.StartActivity($"{PublishSpan} {shortName}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id.ToString());
        activity?.SetTag("ampacds.outbox.attempt", row.Attempts + 1);
        return activity;
    }
}
