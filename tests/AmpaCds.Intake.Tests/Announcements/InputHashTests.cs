using AmpaCds.Intake.Series;

namespace AmpaCds.Intake.Tests.Announcements;

public sealed class InputHashTests
{
    [Fact]
    public void TheHashIsPinnedToItsDefinitionAndIndependentOfOrder()
    {
        ManifestEntry[] manifest =
        [
            new("1.2.10", "bb"),
            new("1.2.9", "aa"),
        ];
        // sha256 of "1.2.10\nbb\n1.2.9\naa\n" (ordinal UID order: "1.2.10" < "1.2.9"), computed with sha256sum.
        const string expected = "4e540b03c093ed803b2cd24b95883e9bc6934aef63c0db0e9e3006352b033e2c";

        Assert.Equal(expected, SeriesInputHash.Compute(manifest));
        Assert.Equal(expected, SeriesInputHash.Compute(manifest.Reverse()));
        Assert.NotEqual(expected, SeriesInputHash.Compute([new("1.2.10", "bb"), new("1.2.9", "ab")]));
    }

    [Fact]
    public void TheChangeSummaryNamesOnlyWhatChanged()
    {
        var previous = new Dictionary<string, string> { ["1"] = "a", ["2"] = "b", ["3"] = "c" };
        Assert.Equal(ManifestChangeSummary.FirstVersion, ManifestChangeSummary.Describe(null, new SeriesManifest([new("1", "a")])));
        Assert.Equal("1 instance replaced",
            ManifestChangeSummary.Describe(previous, new SeriesManifest([new("1", "a"), new("2", "x"), new("3", "c")])));
        Assert.Equal("2 instances replaced, 1 added, 1 removed",
            ManifestChangeSummary.Describe(previous, new SeriesManifest([new("1", "y"), new("2", "x"), new("4", "d")])));
    }
}
