using AmpaCds.Domain.Studies;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Persistence;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Quantification.Longitudinal;

/// <summary>
/// Finds a quantified study's baseline among the patient's stored studies and measures the change
/// against it. Reads only: the caller stores <see cref="FollowUpComparison.Current"/> with its effect.
/// </summary>
public sealed class FollowUpTracker(StudyResultRepository results, ParametricMapWriter maps, QuantificationOptions options, TimeProvider clock)
{
    public async Task<FollowUpComparison> CompareWithBaselineAsync(
        PetSeries series, QuantificationResult result, string? suvrMapKey, CancellationToken cancellationToken)
    {
        var current = new StoredStudyResult(series.StudyInstanceUid, series.SeriesInstanceUid, series.StudyDate, clock.GetUtcNow(),
            result.ReferenceRegion, result.AtlasVersion,
            result.Regions.Select(region => new StoredRegion(region.Name, region.Suvr, region.ZScore)).ToList(), suvrMapKey,
            result.PartialVolume.Method, result.PartialVolume.FwhmMm);
        if (series.PatientId is null)
        {
            // Without a patient identifier studies cannot be linked; the result stands on its own.
            return new FollowUpComparison(current, null, null, null);
        }
        var patientKey = PatientKey.For(series.PatientId, options.PatientKeySecret);
        var baseline = await results.FindBaselineAsync(patientKey, current, cancellationToken);
        if (baseline is null)
        {
            return new FollowUpComparison(current, patientKey, null, null);
        }
        // A corrected follow-up against an uncorrected baseline would show the correction (about 10 %) as a change in uptake.
        if (PartialVolumeMismatch.Describe("the baseline study", baseline.PartialVolumeMethod, baseline.PartialVolumeFwhmMm,
                current.PartialVolumeMethod, current.PartialVolumeFwhmMm, "was measured") is { } mismatch)
        {
            return new FollowUpComparison(current, patientKey, null, null, mismatch);
        }
        var change = LongitudinalComparison.Compare(patientKey, baseline, current, options.AbnormalZThreshold);
        var changeMap = baseline.SuvrMapKey is { } key
            ? LongitudinalComparison.ChangeMap(await maps.ReadAsync(key, cancellationToken), result.Maps.Suvr)
            : null;
        return new FollowUpComparison(current, patientKey, change, changeMap);
    }
}
