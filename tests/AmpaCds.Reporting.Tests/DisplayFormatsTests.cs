using AmpaCds.Reporting.Rendering;

namespace AmpaCds.Reporting.Tests;

public sealed class DisplayFormatsTests
{
    [Theory]
    [InlineData("Yamada^Tarou", "Yamada, Tarou")]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", "Yamada, Tarou (山田, 太郎; やまだ, たろう)")]
    [InlineData("Doe^John^Q^Dr^Jr", "Dr Doe, John Q Jr")]
    [InlineData("Anonymous", "Anonymous")]
    [InlineData("", "")]
    public void PersonNamesReadAsOnAReport(string dicom, string shown) => Assert.Equal(shown, DisplayFormats.PersonName(dicom));

    [Theory]
    [InlineData("20260115", "2026-01-15")]
    [InlineData("2026", "2026")]
    public void DatesAreIso(string dicom, string shown) => Assert.Equal(shown, DisplayFormats.Date(dicom));
}
