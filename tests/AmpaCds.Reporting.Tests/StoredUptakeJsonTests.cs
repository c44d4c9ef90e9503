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
    /// <summary>A row written before maps and acquisition details were recorded: it must still read.</summary>
    private const string UptakeBeforeMaps =
        """{"Regions":[{"Name":"frontal_cortex","SuvMean":2.1,"Suvr":1.31,"Voxels":31000,"Coverage":1,"ZScore":0.5},{"Name":"lateral_habenula","SuvMean":1.5,"Suvr":0.94,"Voxels":66,"Coverage":0.98,"ZScore":-2.4}],"ReferenceRegion":"whole_brain","ReferenceSuvMean":1.6,"Registration":{"Similarity":0.97,"Passed":true,"Detail":"passed","MinimumSimilarity":0.85,"Overlap":0.99,"ScaleX":1.01,"ScaleY":0.98,"ScaleZ":1},"AtlasVersion":"atlas-1","NormativeDatabase":{"Version":"normdb-synthetic-1","Synthetic":true,"Controls":20,"AgeAdjusted":false,"ZScoreIncompatibility":null},"Longitudinal":{"BaselineStudyInstanceUid":"1.2.2","Regions":[{"Name":"frontal_cortex","BaselineSuvr":1.25,"FollowUpSuvr":1.31,"SuvrChange":0.06,"SuvrChangePercent":4.8,"BaselineZScore":-2.5,"FollowUpZScore":0.5}],"AbnormalZThreshold":2,"BaselineAbnormalRegions":2,"RegionsMovedTowardNormal":1,"NormalisationIndex":0.5}}""";

    private const string PinnedUptake =
        """{"Regions":[{"Name":"frontal_cortex","SuvMean":2.1,"Suvr":1.31,"Voxels":31000,"Coverage":1,"ZScore":0.5},{"Name":"lateral_habenula","SuvMean":1.5,"Suvr":0.94,"Voxels":66,"Coverage":0.98,"ZScore":-2.4}],"ReferenceRegion":"whole_brain","ReferenceSuvMean":1.6,"Registration":{"Similarity":0.97,"Passed":true,"Detail":"passed","MinimumSimilarity":0.85,"Overlap":0.99,"ScaleX":1.01,"ScaleY":0.98,"ScaleZ":1},"AtlasVersion":"atlas-1","NormativeDatabase":{"Version":"normdb-synthetic-1","Synthetic":true,"Controls":20,"AgeAdjusted":false,"ZScoreIncompatibility":null},"Longitudinal":{"BaselineStudyInstanceUid":"1.2.2","Regions":[{"Name":"frontal_cortex","BaselineSuvr":1.25,"FollowUpSuvr":1.31,"SuvrChange":0.06,"SuvrChangePercent":4.8,"BaselineZScore":-2.5,"FollowUpZScore":0.5}],"AbnormalZThreshold":2,"BaselineAbnormalRegions":2,"RegionsMovedTowardNormal":1,"NormalisationIndex":0.5},"Maps":null,"Acquisition":null,"PartialVolume":null,"LongitudinalNotCompared":null}""";

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

    [Fact]
    public void A_row_stored_before_maps_and_acquisition_reads_with_both_null()
    {
        var read = StoredJson.Read<StoredUptake>(UptakeBeforeMaps)!;

        Assert.Null(read.Maps);
        Assert.Null(read.Acquisition);
        Assert.Equal(1.31, read.Regions[0].Suvr);
        Assert.Equal(0.5, read.Longitudinal!.NormalisationIndex);
    }

    [Fact]
    public void Which_maps_exist_and_the_acquisition_are_kept_but_not_quantifications_blob_keys()
    {
        var message = StudyRecords.Uptake(StudyRecords.Run) with
        {
            Maps = new ParametricMapKeys("quantification/maps/1.2.3/1.2.3.4/suv.nii.gz", "quantification/maps/1.2.3/1.2.3.4/suvr.nii.gz",
                ChangeMap: "quantification/maps/1.2.3/1.2.3.4/suvr-change.nii.gz"),
            Acquisition = StudyRecords.Acquisition,
        };

        var json = StoredJson.Write(StoredResultMapper.ToStored(message));
        var read = StoredJson.Read<StoredUptake>(json)!;

        Assert.Equal(new StoredMaps("1.2.3.4", Suvr: true, Z: false, Change: true), read.Maps);
        Assert.DoesNotContain("quantification/", json, StringComparison.Ordinal);
        Assert.Equal(new StoredAcquisition("AmpaCds simulator", "Virtual brain PET", "OSEM3D+PSF 4i16s", "Gaussian 3.0 mm", "CT-based, segmented",
            "START", "[11C]K-2", 450, 40, 2, 2, 2, 90), read.Acquisition);
    }
}
