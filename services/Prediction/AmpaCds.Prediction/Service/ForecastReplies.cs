using AmpaCds.Contracts.Prediction;
using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Persistence;

namespace AmpaCds.Prediction.Service;

/// <summary>Maps domain results onto the gRPC messages of prediction.proto.</summary>
internal static class ForecastReplies
{
    public static ForecastReply From(DetailedForecast detail, ModelCard card)
    {
        var reply = new ForecastReply
        {
            ResponseProbability = detail.Forecast.ResponseProbability,
            ExpectedMadrsChangePercent = detail.Forecast.ExpectedMadrsChangePercent,
            ModelVersion = detail.Forecast.ModelVersion,
            TrainedOnSyntheticData = detail.Forecast.TrainedOnSyntheticData,
            CalibrationMethod = detail.CalibrationMethod,
            ModelCardSummary = card.Summary,
            ResponseProbabilityInterval90 = Interval(detail.ResponseProbabilityInterval90),
            ExpectedMadrsChangeInterval90 = Interval(detail.ExpectedMadrsChangeInterval90),
        };
        reply.Contributions.AddRange(detail.Contributions.Select(c => new Contracts.Prediction.FeatureContribution
        {
            Feature = c.Feature,
            Value = c.Value,
            StandardisedDeviation = c.StandardisedDeviation,
            LogitContribution = c.LogitContribution,
        }));
        return reply;
    }

    public static ModelInfo From(StoredModelCard card, bool active) => new()
    {
        Version = card.Version,
        Active = active,
        Trainer = card.Trainer,
        CohortSize = card.CohortSize,
        Origin = card.Origin,
        CrossValidatedAuc = card.CrossValidatedAuc,
        TrainedAtUtc = card.TrainedAtUtc.ToString("O"),
        CalibrationMethod = card.CalibrationMethod,
        BootstrapMembers = card.BootstrapMembers,
        TrainingDataHash = card.TrainingDataHash,
        Summary = card.Summary,
    };

    public static CalibrationRow From(CalibrationDriftRow row)
    {
        var reply = new CalibrationRow
        {
            Model = row.Model,
            Patients = row.Patients,
            MeanPredictedProbability = row.MeanPredictedProbability,
            ObservedResponseRate = row.ObservedResponseRate,
            Brier = row.Brier,
            MeanPredictedChangePercent = row.MeanPredictedChangePercent,
            MeanObservedChangePercent = row.MeanObservedChangePercent,
            ChangeMeanAbsoluteError = row.ChangeMeanAbsoluteError,
            Drift = row.Drift,
        };
        if (row.Auc is { } auc)
        {
            reply.Auc = auc;
        }

        if (row.CalibrationSlope is { } slope)
        {
            reply.CalibrationSlope = slope;
        }

        return reply;
    }

    private static Contracts.Prediction.Interval? Interval(ForecastInterval? interval) =>
        interval is null ? null : new Contracts.Prediction.Interval { Lower = interval.Lower, Upper = interval.Upper };
}
