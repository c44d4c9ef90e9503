using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Retraining;
using Reply = AmpaCds.Contracts.Prediction;

namespace AmpaCds.Prediction.Service;

/// <summary>Maps retraining jobs onto the gRPC messages of prediction.proto.</summary>
internal static class RetrainingJobReplies
{
    public static Reply.RetrainingJobState From(RetrainingJobState state) => state switch
    {
        RetrainingJobState.Queued => Reply.RetrainingJobState.Queued,
        RetrainingJobState.Running => Reply.RetrainingJobState.Running,
        RetrainingJobState.Succeeded => Reply.RetrainingJobState.Succeeded,
        RetrainingJobState.Failed => Reply.RetrainingJobState.Failed,
        _ => Reply.RetrainingJobState.Unspecified,
    };

    public static Reply.RetrainingJob From(RetrainingJob job) => new()
    {
        JobId = job.Id,
        State = From(job.State),
        ModelVersion = job.ModelVersion ?? "",
        CohortSize = job.CohortSize,
        Activate = job.Activate,
        ModelCardSummary = job.ModelCardSummary ?? "",
        Error = job.Error ?? "",
    };
}
