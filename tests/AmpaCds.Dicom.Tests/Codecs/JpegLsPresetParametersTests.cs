using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>Default thresholds per ITU T.87 C.2.4.1.1.1 and validation of LSE preset parameters.</summary>
public class JpegLsPresetParametersTests
{
    [Theory]
    [InlineData(65535, 18, 67, 276)]
    [InlineData(4095, 18, 67, 276)]
    [InlineData(1023, 6, 19, 72)]
    [InlineData(255, 3, 7, 21)]
    [InlineData(128, 3, 7, 21)]
    [InlineData(127, 2, 3, 10)]
    [InlineData(15, 2, 3, 4)]
    [InlineData(3, 2, 3, 3)]
    [InlineData(1, 1, 1, 1)]
    public void Default_thresholds_follow_the_standard(int maxVal, int t1, int t2, int t3) =>
        Assert.Equal((t1, t2, t3), JpegLsPresetParameters.DefaultThresholds(maxVal));

    [Fact]
    public void Zero_fields_take_defaults_and_explicit_fields_are_kept()
    {
        Assert.Equal(new JpegLsPresetParameters(4095, 18, 67, 276, 64), JpegLsPresetParameters.Defaults.Resolve(12));
        Assert.Equal(new JpegLsPresetParameters(1000, 5, 19, 72, 32), new JpegLsPresetParameters(1000, 5, 0, 0, 32).Resolve(16));
    }

    [Theory]
    [InlineData(256, 0, 0, 0, 0, "MAXVAL 256")]
    [InlineData(0, 10, 5, 0, 0, "T1 10, T2 5")]
    [InlineData(0, 0, 0, 300, 0, "MAXVAL (255)")]
    [InlineData(0, 0, 0, 0, 2, "RESET 2")]
    public void Invalid_values_are_refused(int maxVal, int t1, int t2, int t3, int reset, string expected)
    {
        var error = Assert.Throws<DicomFormatException>(() => new JpegLsPresetParameters(maxVal, t1, t2, t3, reset).Resolve(8));
        Assert.Contains(expected, error.Message);
    }
}
