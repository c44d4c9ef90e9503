using AmpaCds.Imaging.Suv;

namespace AmpaCds.Imaging.Tests.Suv;

public sealed class SuvDicomTextTests
{
    [Theory]
    [InlineData("093012", 9, 30, 12, 0)]
    [InlineData("093012.5", 9, 30, 12, 5_000_000)]
    [InlineData("093012.123456", 9, 30, 12, 1_234_560)]
    [InlineData(" 0930 ", 9, 30, 0, 0)]
    [InlineData("09", 9, 0, 0, 0)]
    [InlineData("09:30:12.25", 9, 30, 12, 2_500_000)]
    [InlineData("235959.999999", 23, 59, 59, 9_999_990)]
    public void Parses_valid_TM(string text, int h, int m, int s, long extraTicks)
    {
        Assert.True(SuvDicomText.TryParseTime(text, out var t));
        Assert.Equal(new TimeSpan(h, m, s) + TimeSpan.FromTicks(extraTicks), t);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9:3")]
    [InlineData("930")]
    [InlineData("240000")]
    [InlineData("096000")]
    [InlineData("0930.5")]
    [InlineData("093012.1234567")]
    [InlineData("09a012")]
    public void Rejects_invalid_TM(string? text) => Assert.False(SuvDicomText.TryParseTime(text, out _));

    [Fact]
    public void Parses_DA_and_DT()
    {
        Assert.True(SuvDicomText.TryParseDate("20240315", out var d));
        Assert.Equal(new DateOnly(2024, 3, 15), d);
        Assert.True(SuvDicomText.TryParseDate("2024.03.15", out _));
        Assert.False(SuvDicomText.TryParseDate("20240230", out _));

        Assert.True(SuvDicomText.TryParseDateTime("20240315101230.5+0100", out var dt));
        Assert.Equal(new DateTime(2024, 3, 15, 10, 12, 30, 500), dt);
        Assert.True(SuvDicomText.TryParseDateTime("20240315", out dt));
        Assert.Equal(new DateTime(2024, 3, 15), dt);
        Assert.False(SuvDicomText.TryParseDateTime("2024031510123", out _));

        Assert.True(SuvDicomText.TryCombine("20240315", "101230", out dt));
        Assert.Equal(new DateTime(2024, 3, 15, 10, 12, 30), dt);
    }
}
