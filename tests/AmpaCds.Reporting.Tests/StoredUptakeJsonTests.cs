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
    private const string PinnedUptake = "PINNED";

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
