using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Quantification.Longitudinal;

/// <summary>Change between a patient's baseline and follow-up study: per region, as a map, and the normalisation index.</summary>
public static class LongitudinalComparison
{
    public static LongitudinalChange Compare(string patientKey, StoredStudyResult baseline, StoredStudyResult followUp, double abnormalZThreshold)
    {
        var before = baseline.Regions.ToDictionary(region => region.Name);
        var regions = new List<RegionalChange>();
        int abnormal = 0, movedTowardNormal = 0;
        foreach (var after in followUp.Regions)
        {
            if (!before.TryGetValue(after.Name, out var start))
            {
                continue;
            }
            var change = after.Suvr - start.Suvr;
            regions.Add(new RegionalChange(after.Name, start.Suvr, after.Suvr, change, 100 * change / start.Suvr, start.ZScore, after.ZScore));
            if (start.ZScore is { } z0 && Math.Abs(z0) > abnormalZThreshold && after.ZScore is { } z1)
            {
                abnormal++;
                // Toward the control mean: z moved against its baseline sign (overshooting past 0 by less than it started still counts).
                if (Math.Abs(z1) < Math.Abs(z0))
                {
                    movedTowardNormal++;
                }
            }
        }
        return new LongitudinalChange(patientKey, baseline.StudyInstanceUid, regions, abnormalZThreshold, abnormal, movedTowardNormal,
            abnormal > 0 ? (double)movedTowardNormal / abnormal : null);
    }

    /// <summary>Follow-up minus baseline SUVR, voxel by voxel in template space.</summary>
    public static Volume ChangeMap(Volume baselineSuvr, Volume followUpSuvr)
    {
        if (!baselineSuvr.Geometry.SameGridAs(followUpSuvr.Geometry, 1e-3))
        {
            throw new ArgumentException("baseline and follow-up SUVR maps are not on one template grid", nameof(followUpSuvr));
        }
        var change = new float[followUpSuvr.Data.Length];
        for (var index = 0; index < change.Length; index++)
        {
            change[index] = followUpSuvr.Data[index] - baselineSuvr.Data[index];
        }
        return new Volume(followUpSuvr.Geometry, change);
    }
}
