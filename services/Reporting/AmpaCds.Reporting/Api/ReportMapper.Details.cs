using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies.Stored;
using ProtoInterval = AmpaCds.Contracts.Reporting.Interval;

namespace AmpaCds.Reporting.Api;

/// <summary>The optional parts of a report: normative comparison, follow-up change, forecast uncertainty and explanation.</summary>
public static partial class ReportMapper
{
    private static RegionResult ToRegion(StoredRegion region)
    {
        var result = new RegionResult
        {
            Name = region.Name, SuvMean = region.SuvMean, Suvr = region.Suvr, Voxels = region.Voxels, Coverage = region.Coverage,
        };
        if (region.ZScore is { } z)
        {
            result.ZScore = z;
        }
        return result;
    }

    private static Registration ToRegistration(StoredRegistration quality)
    {
        var registration = new Registration { Similarity = quality.Similarity, Passed = quality.Passed, Detail = quality.Detail };
        if (quality.MinimumSimilarity is { } minimum)
        {
            registration.MinimumSimilarity = minimum;
        }
        if (quality.Overlap is { } overlap)
        {
            registration.Overlap = overlap;
        }
        if (quality is { ScaleX: { } x, ScaleY: { } y, ScaleZ: { } z })
        {
            registration.Scales.AddRange([x, y, z]);
        }
        return registration;
    }

    private static NormativeDatabase ToNormativeDatabase(StoredNormativeDatabase database) => new()
    {
        Version = database.Version,
        Synthetic = database.Synthetic,
        Controls = database.Controls,
        AgeAdjusted = database.AgeAdjusted,
        ZScoreIncompatibility = database.ZScoreIncompatibility ?? "",
    };

    private static Longitudinal ToLongitudinal(StoredLongitudinalChange change)
    {
        var longitudinal = new Longitudinal
        {
            BaselineStudyInstanceUid = change.BaselineStudyInstanceUid,
            AbnormalZThreshold = change.AbnormalZThreshold,
            BaselineAbnormalRegions = change.BaselineAbnormalRegions,
            RegionsMovedTowardNormal = change.RegionsMovedTowardNormal,
        };
        if (change.NormalisationIndex is { } index)
        {
            longitudinal.NormalisationIndex = index;
        }
        longitudinal.Regions.AddRange(change.Regions.Select(region =>
        {
            var mapped = new RegionChange
            {
                Name = region.Name, BaselineSuvr = region.BaselineSuvr, FollowUpSuvr = region.FollowUpSuvr,
                SuvrChange = region.SuvrChange, SuvrChangePercent = region.SuvrChangePercent,
            };
            if (region.BaselineZScore is { } before)
            {
                mapped.BaselineZScore = before;
            }
            if (region.FollowUpZScore is { } after)
            {
                mapped.FollowUpZScore = after;
            }
            return mapped;
        }));
        return longitudinal;
    }

    private static Forecast ToForecast(StoredForecast forecast)
    {
        var mapped = new Forecast
        {
            ResponseProbability = forecast.ResponseProbability,
            ExpectedMadrsChangePercent = forecast.ExpectedMadrsChangePercent,
            ModelVersion = forecast.ModelVersion,
            ModelTrainedOnSyntheticData = forecast.ModelTrainedOnSyntheticData,
            CalibrationMethod = forecast.CalibrationMethod ?? "",
            ModelCardSummary = forecast.ModelCardSummary ?? "",
            ResponseProbabilityInterval90 = ToInterval(forecast.ResponseProbabilityInterval90),
            ExpectedMadrsChangeInterval90 = ToInterval(forecast.ExpectedMadrsChangeInterval90),
        };
        mapped.TopContributions.AddRange(forecast.TopContributions.Select(contribution => new Contribution
        {
            Feature = contribution.Feature,
            LogitContribution = contribution.LogitContribution,
            StandardisedDeviation = contribution.StandardisedDeviation,
        }));
        return mapped;
    }

    private static ProtoInterval? ToInterval(StoredInterval? interval) =>
        interval is null ? null : new ProtoInterval { Lower = interval.Lower, Upper = interval.Upper };
}
