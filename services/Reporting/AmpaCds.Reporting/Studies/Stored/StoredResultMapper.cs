using AmpaCds.Contracts.Messages;

namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>
/// The one place where bus messages become Reporting's stored records. Every field is copied by name on
/// purpose: a new message field reaches the database only when it is added here and to the stored record.
/// </summary>
public static class StoredResultMapper
{
    public static StoredUptake ToStored(RegionalUptakeMeasured message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var quality = message.Registration;
        return new StoredUptake(
            message.Regions.Select(region => new StoredRegion(region.Name, region.SuvMean, region.Suvr, region.Voxels, region.Coverage, region.ZScore)).ToList(),
            message.ReferenceRegion,
            message.ReferenceSuvMean,
            new StoredRegistration(quality.Similarity, quality.Passed, quality.Detail, quality.MinimumSimilarity, quality.Overlap,
                quality.ScaleX, quality.ScaleY, quality.ScaleZ),
            message.AtlasVersion,
            message.NormativeDatabase is { } database
                ? new StoredNormativeDatabase(database.Version, database.Synthetic, database.Controls, database.AgeAdjusted, database.ZScoreIncompatibility)
                : null,
            message.Longitudinal is { } change ? ToStored(change) : null,
            message.Maps is { } maps ? ToStored(message.SeriesInstanceUid, maps) : null,
            message.Acquisition is { } acquisition ? ToStored(acquisition) : null,
            message.PartialVolume is { } correction ? new StoredPartialVolume(correction.Method, correction.FwhmMm) : null,
            message.LongitudinalNotCompared);
    }

    public static StoredForecast ToStored(ResponseForecastIssued message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new StoredForecast(
            message.ResponseProbability,
            message.ExpectedMadrsChangePercent,
            message.ModelVersion,
            message.ModelTrainedOnSyntheticData,
            ToStored(message.ResponseProbabilityInterval90),
            ToStored(message.ExpectedMadrsChangeInterval90),
            (message.TopContributions ?? [])
                .Select(contribution => new StoredContribution(contribution.Feature, contribution.LogitContribution, contribution.StandardisedDeviation))
                .ToList(),
            message.CalibrationMethod,
            message.ModelCardSummary);
    }

    private static StoredLongitudinalChange ToStored(LongitudinalChange change) => new(
        change.BaselineStudyInstanceUid,
        change.Regions.Select(region => new StoredRegionChange(region.Name, region.BaselineSuvr, region.FollowUpSuvr, region.SuvrChange,
            region.SuvrChangePercent, region.BaselineZScore, region.FollowUpZScore)).ToList(),
        change.AbnormalZThreshold,
        change.BaselineAbnormalRegions,
        change.RegionsMovedTowardNormal,
        change.NormalisationIndex);

    // The keys themselves are Quantification's; only which maps exist is kept.
    private static StoredMaps ToStored(string seriesUid, ParametricMapKeys maps) =>
        new(seriesUid, !string.IsNullOrEmpty(maps.SuvrMap), !string.IsNullOrEmpty(maps.ZMap), !string.IsNullOrEmpty(maps.ChangeMap));

    private static StoredAcquisition ToStored(PetAcquisition acquisition) => new(
        acquisition.Manufacturer,
        acquisition.ManufacturerModelName,
        acquisition.ReconstructionMethod,
        acquisition.ConvolutionKernel,
        acquisition.AttenuationCorrectionMethod,
        acquisition.DecayCorrection,
        acquisition.Radiopharmaceutical,
        acquisition.InjectedActivityMBq,
        acquisition.MinutesFromInjectionToAcquisition,
        acquisition.SliceThicknessMm,
        acquisition.PixelSpacingRowMm,
        acquisition.PixelSpacingColumnMm,
        acquisition.Frames);

    private static StoredInterval? ToStored(ResponseForecastIssued.Interval? interval) =>
        interval is null ? null : new StoredInterval(interval.Lower, interval.Upper);
}
