using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies.Stored;
using SkiaSharp;
using static AmpaCds.Reporting.Tests.Figures.FigureFixtures;

namespace AmpaCds.Reporting.Tests.Figures;

public sealed class ChartFigureTests
{
    private static Task<byte[]?> RenderAsync(ReportFigure figure, UiLanguage language, Studies.StudyRecord? study = null) =>
        new ReportFigureRenderer(new CountingMapSource(Atlas), TemplateAtlas).RenderAsync(study ?? Study(), figure, language, CancellationToken.None);

    [Fact]
    public async Task ForecastIntervalBarSpansExactlyThe90PercentInterval()
    {
        var png = await RenderAsync(ReportFigure.ForecastInterval, UiLanguage.English);
        Save("forecast-interval.en.png", png);
        using var bitmap = Decode(png);
        Assert.Equal((ForecastIntervalChart.Width, ForecastIntervalChart.Height), (bitmap.Width, bitmap.Height));

        var y = (int)((ForecastIntervalChart.BarTop + ForecastIntervalChart.BarBottom) / 2);
        var left = ForecastIntervalChart.XFor(0.35);
        var right = ForecastIntervalChart.XFor(0.72);
        Assert.Equal(278, left);
        Assert.Equal(529.6f, right, 0.01f);
        var marker = ForecastIntervalChart.XFor(0.5);
        var barPixels = Enumerable.Range(0, bitmap.Width).Where(x => bitmap.GetPixel(x, y) == ChartColours.Interval).ToList();
        Assert.Equal((int)left, barPixels.Min());
        Assert.Equal((int)Math.Ceiling(right) - 1, barPixels.Max());

        // Every pixel between the ends is the bar, except the marker's few pixels at 50 %.
        var gaps = Enumerable.Range((int)left, (int)right - (int)left).Except(barPixels).ToList();
        Assert.All(gaps, x => Assert.InRange(x, marker - 3, marker + 3));
        Assert.Equal(ChartColours.Marker, bitmap.GetPixel((int)marker, y));
        Assert.Equal(SKColors.White, bitmap.GetPixel((int)left - 3, y));
        Assert.Equal(SKColors.White, bitmap.GetPixel((int)right + 3, y));
    }

    [Fact]
    public async Task ForecastIntervalIsNullWithoutAForecastOrWhenQualityWithholdsIt()
    {
        Assert.Null(await RenderAsync(ReportFigure.ForecastInterval, UiLanguage.English, Study() with { Forecast = null }));
        var failed = Study() with
        {
            Uptake = Study().Uptake! with { Registration = Study().Uptake!.Registration with { Passed = false, Similarity = 0.4 } },
        };
        Assert.Null(await RenderAsync(ReportFigure.ForecastInterval, UiLanguage.English, failed));
        Assert.Null(await RenderAsync(ReportFigure.ForecastInterval, UiLanguage.English, Study() with { Uptake = null }));
    }

    [Fact]
    public async Task ZScoreChartPlacesEachRegionOnTheAxisAndColoursPointsOutsideTheNormalRange()
    {
        var png = await RenderAsync(ReportFigure.ZScoreChart, UiLanguage.English);
        Save("z-score-chart.en.png", png);
        using var bitmap = Decode(png);
        var rows = ZScoreChart.Rows(Study().Uptake!);
        var layout = ZScoreChart.Layout(rows, UiLanguage.English);
        Assert.Equal((760, 12 * 2 + 4 * 24 + 52), (bitmap.Width, bitmap.Height));
        Assert.Equal((layout.Width, layout.Height), (bitmap.Width, bitmap.Height));

        Assert.Equal(ChartColours.Above, bitmap.GetPixel((int)layout.XFor(3), (int)layout.RowCentre(0)));
        Assert.Equal(ChartColours.Below, bitmap.GetPixel((int)layout.XFor(-3), (int)layout.RowCentre(1)));
        Assert.Equal(ChartColours.Within, bitmap.GetPixel((int)layout.XFor(0.5), (int)layout.RowCentre(2)));

        // z = -5.2 is off the scale: an arrowhead at the left end, in the "below" colour.
        Assert.Equal(ChartColours.Below, bitmap.GetPixel((int)layout.XFor(-4) - 2, (int)layout.RowCentre(3)));

        // The normal range is shaded between z = -2 and +2, not beyond; sampled between rows' markers.
        var gapY = (int)layout.RowCentre(2) + 10;
        Assert.Equal(ChartColours.NormalBand, bitmap.GetPixel((int)layout.XFor(1.5), gapY));
        Assert.Equal(ChartColours.NormalBand, bitmap.GetPixel((int)layout.XFor(-1.5), gapY));
        Assert.Equal(SKColors.White, bitmap.GetPixel((int)layout.XFor(2.5), gapY));
        Assert.Equal(SKColors.White, bitmap.GetPixel((int)layout.XFor(-2.5), gapY));
    }

    [Fact]
    public async Task ZScoreChartIsNullWithoutZScores()
    {
        var noZ = Study() with
        {
            Uptake = Study().Uptake! with { Regions = [.. Study().Uptake!.Regions.Select(region => region with { ZScore = null })] },
        };
        Assert.Null(await RenderAsync(ReportFigure.ZScoreChart, UiLanguage.English, noZ));
    }

    [Fact]
    public void JapaneseTextUsesIpaGothicWhichHasTheGlyphsDejaVuLacks()
    {
        Assert.Equal("IPAGothic", FigureFonts.For(UiLanguage.Japanese).FamilyName);
        Assert.Equal("DejaVu Sans", FigureFonts.For(UiLanguage.English).FamilyName);
        using var japanese = FigureFonts.Font(UiLanguage.Japanese, 12);
        using var english = FigureFonts.Font(UiLanguage.English, 12);
        foreach (var text in new[] { UiText.Region("lateral_habenula", UiLanguage.Japanese), UiText.Get("figure.zchart.axis", UiLanguage.Japanese).Replace("≤", "", StringComparison.Ordinal),
                     UiText.Get("figure.view.sagittal", UiLanguage.Japanese), UiText.Get("figure.forecast.axis", UiLanguage.Japanese) })
        {
            Assert.True(japanese.ContainsGlyphs(text), text);
        }

        // The control: the Latin font has no glyph for them (it would draw empty boxes).
        Assert.False(english.ContainsGlyphs(UiText.Region("lateral_habenula", UiLanguage.Japanese)));
        Assert.True(japanese.ContainsGlyphs("ΔSUVR −4 +4 |z| 2 – %"));

        // IPAGothic has no "≤": that one character is drawn with a fallback typeface that has it.
        Assert.False(japanese.ContainsGlyphs("≤"));
        using var fallback = new SKFont(SKFontManager.Default.MatchCharacter('≤'), 12);
        Assert.True(fallback.ContainsGlyphs("≤"));
    }

    [Fact]
    public async Task JapaneseChartDrawsDistinctGlyphsForEachRegionLabel()
    {
        var png = await RenderAsync(ReportFigure.ZScoreChart, UiLanguage.Japanese);
        Save("z-score-chart.ja.png", png);
        using var bitmap = Decode(png);
        var rows = ZScoreChart.Rows(Study().Uptake!);
        var layout = ZScoreChart.Layout(rows, UiLanguage.Japanese);

        // Each label's pixels: non-blank, and no two labels alike (tofu boxes of equal-length labels would be).
        var labels = Enumerable.Range(0, rows.Count).Select(row => LabelPixels(bitmap, layout, row)).ToList();
        Assert.All(labels, pixels => Assert.True(pixels.Count(dark => dark) > 40, "label has ink"));
        for (var a = 0; a < labels.Count; a++)
        {
            for (var b = a + 1; b < labels.Count; b++)
            {
                Assert.NotEqual(labels[a], labels[b]);
            }
        }
    }

    [Fact]
    public void EveryFigureHasACaptionInBothLanguages()
    {
        foreach (var figure in Enum.GetValues<ReportFigure>())
        {
            Assert.False(string.IsNullOrWhiteSpace(UiText.Get("figure.caption." + figure, UiLanguage.English)));
            Assert.NotEqual(UiText.Get("figure.caption." + figure, UiLanguage.English), UiText.Get("figure.caption." + figure, UiLanguage.Japanese));
        }
    }

    private static List<bool> LabelPixels(SKBitmap bitmap, ZScoreChartLayout layout, int row)
    {
        var top = (int)layout.RowCentre(row) - 10;
        var pixels = new List<bool>();
        for (var y = top; y < top + 20; y++)
        {
            for (var x = 0; x < (int)layout.PlotLeft - 8; x++)
            {
                pixels.Add(bitmap.GetPixel(x, y).Red < 128);
            }
        }

        return pixels;
    }
}
