using System.Diagnostics;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// The PACS delivery's span. The worker polls on its own loop, long after the report's consumer committed; the
/// traceparent stored on the delivery rows makes the send a child of that consumer, so the study's trace ends here.
/// </summary>
public static class PacsDeliveryTelemetry
{
    public const string SourceName = "AmpaCds.Reporting";
    public const string DeliverSpan = "reporting pacs deliver";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Parented by <paramref name="traceParent"/> when it parses; otherwise a trace of its own (rows planned before tracing).</summary>
    public static Activity? StartDeliver(string studyInstanceUid, int reportVersion, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        var activity = Source.StartActivity(DeliverSpan, ActivityKind.Client, parent);
        activity?.SetTag("dicom.study_instance_uid", studyInstanceUid);
        activity?.SetTag("ampacds.report.version", reportVersion);
        return activity;
    }
}
