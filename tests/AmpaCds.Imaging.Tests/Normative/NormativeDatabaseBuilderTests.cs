using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Normative;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Normative;

public sealed class NormativeDatabaseBuilderTests
{
    private static NormativeBuildOptions Options(bool ageAdjust = false, int minimumForRegionalSd = 2) => new()
    {
        Version = "test-1",
        ReferenceRegion = BrainAtlas.WholeBrainName,
        AtlasVersion = "atlas-1",
        AgeAdjust = ageAdjust,
        MinimumControlsForRegionalSd = minimumForRegionalSd,
        BuiltAt = DateTimeOffset.UnixEpoch,
    };

    private static NormativeControl Control(string id, double? age, double frontal, double thalamus) =>
        new(id, age, new Dictionary<string, double> { ["frontal_cortex"] = frontal, ["thalamus"] = thalamus, [BrainAtlas.WholeBrainName] = 1.0 });

    [Fact]
    public void MeanAndSampleSdPerRegionGiveTheZScore()
    {
        var database = NormativeDatabaseBuilder.Build(
            [Control("a", null, 1.0, 2.0), Control("b", null, 2.0, 2.2), Control("c", null, 3.0, 2.4)], Options());

        var frontal = database.Region("frontal_cortex")!;
        Assert.Equal(2.0, frontal.Mean, 12);
        Assert.Equal(1.0, frontal.Sd, 12);
        Assert.Equal(3, frontal.N);
        Assert.False(frontal.PooledSd);
        Assert.Equal(2.0, frontal.ZScore(4.0, age: null), 12);
        Assert.Equal(0.2, database.Region("thalamus")!.Sd, 12);
        // SUVR of the reference is 1 by construction: it carries no information and gets no entry.
        Assert.Null(database.Region(BrainAtlas.WholeBrainName));
        Assert.Equal(3, database.Controls);
    }

    [Fact]
    public void AgeAdjustmentFitsTheSlopeAndScoresAgainstTheExpectedValueAtThatAge()
    {
        // frontal = 1.5 − 0.01·(age − 40) ± 0.05 exactly alternating, so the residual SD is known.
        double[] ages = [20, 30, 40, 50, 60, 70];
        double[] offsets = [0.05, -0.05, 0.05, -0.05, 0.05, -0.05];
        var controls = ages.Select((age, i) => Control($"c{i}", age, 1.5 - 0.01 * (age - 40) + offsets[i], 2)).ToList();

        var frontal = NormativeDatabaseBuilder.Build(controls, Options(ageAdjust: true)).Region("frontal_cortex")!;

        var expectedSlope = -0.01 + Slope(ages, offsets);
        Assert.Equal(expectedSlope, frontal.AgeSlopePerYear, 10);
        Assert.Equal(45, frontal.ReferenceAge, 10);
        Assert.Equal(frontal.Mean + expectedSlope * (70 - 45), frontal.ExpectedAt(70), 10);
        // The same SUVR is normal for a 70-year-old and low for a 20-year-old.
        Assert.True(frontal.ZScore(1.2, 70) > frontal.ZScore(1.2, 20) + 3);
    }

    [Fact]
    public void FewControlsUseTheRelativeVariancePooledOverRegions()
    {
        // frontal: mean 2, SD 0.2 (CV 0.1); thalamus: mean 1, SD 0.3 (CV 0.3); both 3 controls, 2 degrees of freedom.
        var database = NormativeDatabaseBuilder.Build(
            [Control("a", null, 1.8, 0.7), Control("b", null, 2.0, 1.0), Control("c", null, 2.2, 1.3)], Options(minimumForRegionalSd: 20));

        var pooledCv = Math.Sqrt((0.1 * 0.1 + 0.3 * 0.3) / 2);
        var frontal = database.Region("frontal_cortex")!;
        Assert.True(frontal.PooledSd);
        Assert.Equal(0.2, frontal.OwnSd, 12);
        Assert.Equal(2.0 * pooledCv, frontal.Sd, 12);
        Assert.Equal(1.0 * pooledCv, database.Region("thalamus")!.Sd, 12);
    }

    [Fact]
    public void TooFewControlsOrMissingAgesAreRefusedWithTheReason()
    {
        var one = Assert.Throws<NormativeDataException>(() => NormativeDatabaseBuilder.Build([Control("a", 30, 1, 1)], Options()));
        Assert.Contains("at least 2", one.Message, StringComparison.Ordinal);

        var ageless = Assert.Throws<NormativeDataException>(() => NormativeDatabaseBuilder.Build(
            [Control("a", 30, 1, 1), Control("b", null, 1.1, 1), Control("c", 50, 1.2, 1)], Options(ageAdjust: true)));
        Assert.Contains("'b' has no age", ageless.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatabaseForAnotherReferenceOrAtlasSaysWhyItCannotScore()
    {
        var database = NormativeDatabaseBuilder.Build([Control("a", null, 1, 1), Control("b", null, 2, 2)], Options());
        Assert.Null(database.IncompatibilityWith(BrainAtlas.WholeBrainName, "atlas-1"));
        Assert.Contains("'cerebellum'", database.IncompatibilityWith("cerebellum", "atlas-1"), StringComparison.Ordinal);
        Assert.Contains("atlas 'atlas-1'", database.IncompatibilityWith(BrainAtlas.WholeBrainName, "aal3"), StringComparison.Ordinal);
    }

    private static double Slope(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        return x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / x.Sum(v => (v - mx) * (v - mx));
    }
}
