using AmpaCds.Domain.Studies;

namespace AmpaCds.Imaging.Tests.PartialVolume;

/// <summary>Statistics or models built under one partial-volume correction compare only with studies under the same one.</summary>
public sealed class PartialVolumeMismatchTests
{
    [Theory]
    [InlineData(null, null, "none", null)]
    [InlineData("none", null, null, null)]
    [InlineData("gtm", 5.0, "GTM", 5.4)]
    public void TheSameCorrectionIsCompatible(string? builtMethod, double? builtFwhm, string? studyMethod, double? studyFwhm) =>
        Assert.Null(PartialVolumeMismatch.Describe("db", builtMethod, builtFwhm, studyMethod, studyFwhm));

    [Fact]
    public void AnotherMethodOrResolutionIsRefusedWithBothNamed()
    {
        Assert.Equal("db was built with partial-volume correction 'none', the study was measured with 'rbv'",
            PartialVolumeMismatch.Describe("db", null, null, "rbv", 5));
        Assert.Equal("db was built with partial-volume correction 'gtm' at 5.0 mm FWHM, the study at 6.5 mm",
            PartialVolumeMismatch.Describe("db", "gtm", 5, "gtm", 6.5));
    }
}
