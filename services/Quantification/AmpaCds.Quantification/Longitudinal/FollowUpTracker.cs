using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Quantification.Longitudinal;

/// <summary>Records each quantified study per patient and, when an earlier one exists, measures the change against it.</summary>
public sealed class FollowUpTracker(PatientResultStore store, ParametricMapWriter maps, QuantificationOptions options, TimeProvider clock)
{
    public async Task<(LongitudinalChange? Change, Volume? ChangeMap)> CompareWithBaselineAsync(
        PetSeries series, QuantificationResult result, string? suvrMapKey, CancellationToken cancellationToken)
    {
        if (series.PatientId is null)
        {
            // Without a patient identifier studies cannot be linked; the result stands on its own.
            return (null, null);
        }
        var patientKey = PatientKey.For(series.PatientId, options.PatientKeySecret);
        var current = new StoredStudyResult(series.StudyInstanceUid, series.SeriesInstanceUid, series.StudyDate, clock.GetUtcNow(),
            result.ReferenceRegion, result.AtlasVersion,
            result.Regions.Select(region => new StoredRegion(region.Name, region.Suvr, region.ZScore)).ToList(), suvrMapKey);
        var baseline = await store.FindBaselineAsync(patientKey, current, cancellationToken);
        await store.SaveAsync(patientKey, current, cancellationToken);
        if (baseline is null)
        {
            return (null, null);
        }
        var change = LongitudinalComparison.Compare(patientKey, baseline, current, options.AbnormalZThreshold);
        var changeMap = baseline.SuvrMapKey is { } key
            ? LongitudinalComparison.ChangeMap(await maps.ReadAsync(key, cancellationToken), result.Maps.Suvr)
            : null;
        return (change, changeMap);
    }
}
