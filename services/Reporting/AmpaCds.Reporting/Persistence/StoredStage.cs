using AmpaCds.Contracts.Reporting;

namespace AmpaCds.Reporting.Persistence;

/// <summary>
/// The stage names written to the Studies table. Spelled out here rather than taken from the proto enum,
/// so renumbering or renaming the enum cannot change (or misread) what is on disk.
/// </summary>
public static class StoredStage
{
    public static string From(PipelineStage stage) => stage switch
    {
        PipelineStage.Unspecified => "unspecified",
        PipelineStage.Received => "received",
        PipelineStage.Quantified => "quantified",
        PipelineStage.Forecast => "forecast",
        PipelineStage.Reported => "reported",
        PipelineStage.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "no stored name for this stage"),
    };

    public static PipelineStage To(string stored) => stored switch
    {
        "unspecified" => PipelineStage.Unspecified,
        "received" => PipelineStage.Received,
        "quantified" => PipelineStage.Quantified,
        "forecast" => PipelineStage.Forecast,
        "reported" => PipelineStage.Reported,
        "failed" => PipelineStage.Failed,
        _ => throw new InvalidOperationException($"unknown stored stage '{stored}'"),
    };
}
