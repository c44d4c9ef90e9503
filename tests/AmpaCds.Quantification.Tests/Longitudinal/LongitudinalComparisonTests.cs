using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Longitudinal;

namespace AmpaCds.Quantification.Tests.Longitudinal;

public sealed class LongitudinalComparisonTests
{
    private static StoredStudyResult Study(string uid, params StoredRegion[] regions) =>
        new(uid, uid + ".1", null, DateTimeOffset.UnixEpoch, "whole_brain", "atlas-1", regions, null);

    [Fact]
    public void ChangePerRegionIsAbsoluteAndPercentOfBaseline()
    {
        var change = LongitudinalComparison.Compare("p1",
            Study("1", new StoredRegion("thalamus", 1.25, null)),
            Study("2", new StoredRegion("thalamus", 1.5, null), new StoredRegion("new_region", 1, null)), 2);

        var thalamus = Assert.Single(change.Regions);
        Assert.Equal(0.25, thalamus.SuvrChange, 12);
        Assert.Equal(20, thalamus.SuvrChangePercent, 10);
        Assert.Equal("1", change.BaselineStudyInstanceUid);
        Assert.Null(change.NormalisationIndex);
    }

    [Fact]
    public void NormalisationIndexIsTheShareOfBaselineAbnormalRegionsThatMovedTowardTheControlMean()
    {
        var baseline = Study("1",
            new StoredRegion("parietal_cortex", 1, -3.0),   // abnormal, improves to −1: toward normal
            new StoredRegion("occipital_cortex", 1, 2.5),   // abnormal, overshoots to −1: still closer to the mean
            new StoredRegion("lateral_habenula", 1, 2.2),   // abnormal, worsens to 3: not
            new StoredRegion("globus_pallidus", 1, -2.0),   // exactly at the threshold: not abnormal (|z| must exceed it)
            new StoredRegion("thalamus", 1, 0.5));          // normal: not counted
        var followUp = Study("2",
            new StoredRegion("parietal_cortex", 1.1, -1.0),
            new StoredRegion("occipital_cortex", 1.1, -1.0),
            new StoredRegion("lateral_habenula", 1.1, 3.0),
            new StoredRegion("globus_pallidus", 1.1, 0.0),
            new StoredRegion("thalamus", 1.1, 3.0));

        var change = LongitudinalComparison.Compare("p1", baseline, followUp, abnormalZThreshold: 2);

        Assert.Equal(3, change.BaselineAbnormalRegions);
        Assert.Equal(2, change.RegionsMovedTowardNormal);
        Assert.Equal(2.0 / 3, change.NormalisationIndex!.Value, 12);
    }

    [Fact]
    public void ChangeMapIsFollowUpMinusBaselinePerVoxel()
    {
        var grid = VolumeGeometry.Centred(2, 2, 1, new Point3(2, 2, 2), Point3.Zero);
        var map = LongitudinalComparison.ChangeMap(new Volume(grid, [1, 2, 3, 4]), new Volume(grid, [1.5f, 2, 2, 5]));
        Assert.Equal([0.5f, 0, -1, 1], map.Data);
    }

    [Fact]
    public void PatientKeyIsStableKeyedAndCarriesNoIdentifier()
    {
        var key = PatientKey.For("SYN000042", "secret");
        Assert.Equal(key, PatientKey.For(" SYN000042 ", "secret"));
        Assert.NotEqual(key, PatientKey.For("SYN000042", "another secret"));
        Assert.NotEqual(key, PatientKey.For("SYN000043", "secret"));
        Assert.Equal(32, key.Length);
    }
}
