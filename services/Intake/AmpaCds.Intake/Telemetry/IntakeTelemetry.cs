using System.Diagnostics;

namespace AmpaCds.Intake.Telemetry;

/// <summary>
/// Where a study's trace begins. Each received instance is an "intake c-store" span (or runs under the STOW-RS request);
/// the series remembers the span of its first instance, and "intake series announce" is its child, so the messages the
/// announcement writes, and everything downstream, join the trace that began with the sender's association.
/// </summary>
public static class IntakeTelemetry
{
    public const string SourceName = "AmpaCds.Intake";
    public const string CStoreSpan = "intake c-store";
    public const string AnnounceSpan = "intake series announce";

    public static ActivitySource Source { get; } = new(SourceName);

    public static Activity? StartCStore(string callingAeTitle, string sopInstanceUid)
    {
        var activity = Source.StartActivity(CStoreSpan, ActivityKind.Server);
        activity?.SetTag("dicom.calling_ae_title", callingAeTitle);
        activity?.SetTag("dicom.sop_instance_uid", sopInstanceUid);
        return activity;
    }

    /// <summary>Under the first instance's span when the series has one; a new trace when it was recovered at start.</summary>
    public static Activity? StartAnnounce(string studyUid, string seriesUid, ActivityContext firstInstance)
    {
        var activity = Source.StartActivity(AnnounceSpan, ActivityKind.Internal, firstInstance);
        activity?.SetTag("dicom.study_instance_uid", studyUid);
        activity?.SetTag("dicom.series_instance_uid", seriesUid);
        return activity;
    }
}
