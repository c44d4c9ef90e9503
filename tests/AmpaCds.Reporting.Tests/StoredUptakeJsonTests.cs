using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Tests;

/// <summary>
/// What Reporting writes to its Uptake column is its own shape, pinned here: the bus message may grow
/// (new fields, new init properties) without changing one byte on disk.
/// </summary>
public sealed class StoredUptakeJsonTests
{
    private const string PinnedUptake =
        """{"Regions":[{"Name":"frontal_cortex","SuvMean":2.1,"Suvr":1.31,"Voxels":31000,"Coverage":1,"ZScore":0.5},{"Name":"lateral_habenula","SuvMean":1.5,"Suvr":0.94,"Voxels":66,"Coverage":0.98,"ZScore":-2.4}],"ReferenceRegion":"whole_brain","ReferenceSuvMean":1.6,"Registration":{"Similarity":0.97,"Passed":true,"Detail":"passed","MinimumSimilarity":0.85,"Overlap":0.99,"ScaleX":1.01,"ScaleY":0.98,"ScaleZ":1},"AtlasVersion":"atlas-1","NormativeDatabase":{"Version":"normdb-synthetic-1","Synthetic":true,"Controls":20,"AgeAdjusted":false,"ZScoreIncompatibility":null},"Longitudinal":{"BaselineStudyInstanceUid":"1.2.2","Regions":[{"Name":"frontal_cortex","BaselineSuvr":1.25,"FollowUpSuvr":1.31,"SuvrChange":0.06,"SuvrChangePercent":4.8,"BaselineZScore":-2.5,"FollowUpZScore":0.5}],"AbnormalZThreshold":2,"BaselineAbnormalRegions":2,"RegionsMovedTowardNormal":1,"NormalisationIndex":0.5}}""";

    [Fact]
    public void The_stored_uptake_is_reportings_own_shape()
    {
        Assert.Equal(PinnedUptake, StoredJson.Write(StoredResultMapper.ToStored(StudyRecords.Uptake(StudyRecords.Run))));
    }

    [Fact]
    public void Message_fields_reporting_does_not_keep_do_not_reach_the_disk()
    {
        // Stand-ins for "a new field in RegionalUptakeMeasured": message-only data the stored record never had.
        var grown = StudyRecords.Uptake(StudyRecords.Run) with
        {
            InputHash = "c0ffee",
            Maps = new ParametricMapKeys("quantification/suv.nii.gz", "quantification/suvr.nii.gz"),
            SuvBodyWeightFactor = 42,
            MeasuredAt = DateTimeOffset.MaxValue,
        };
        Assert.Equal(PinnedUptake, StoredJson.Write(StoredResultMapper.ToStored(grown)));
    }

    [Fact]
    public void A_stored_uptake_reads_back_equal()
    {
        var stored = StoredResultMapper.ToStored(StudyRecords.Uptake(StudyRecords.Run) with
        {
            Regions = [new RegionalUptake("pons", double.NaN, double.NaN, 0, 0)],
        });
        var read = StoredJson.Read<StoredUptake>(StoredJson.Write(stored))!;
        Assert.True(double.IsNaN(Assert.Single(read.Regions).Suvr));
        Assert.Equal(stored.Registration, read.Registration);
        Assert.Equal(stored.Longitudinal!.Regions, read.Longitudinal!.Regions);
    }
}
