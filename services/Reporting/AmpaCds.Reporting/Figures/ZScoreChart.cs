using System.Globalization;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies.Stored;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Each region's z-score as a point on a −4..+4 axis with a stem from zero; the normal range |z| ≤ 2 is shaded and
/// points outside it are red (above controls) or blue (below). Values beyond ±4 sit at the edge as an arrowhead.
/// </summary>
public static class ZScoreChart
{
    public const int Width = 760;
    public const double NormalLimit = 2;

    /// <summary>Regions that have a z-score, in the study's order; empty without a normative database.</summary>
    public static IReadOnlyList<StoredRegion> Rows(StoredUptake uptake)
    {
        ArgumentNullException.ThrowIfNull(uptake);
        return uptake.NormativeDatabase is null ? [] : uptake.Regions.Where(region => region.ZScore is { } z && double.IsFinite(z)).ToList();
    }

    public static ZScoreChartLayout Layout(IReadOnlyList<StoredRegion> rows, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var font = FigureFonts.Font(language, FigureStyle.LabelSize);
        var labelWidth = rows.Count == 0 ? 0 : rows.Max(region => font.MeasureText(UiText.Region(region.Name, language)));
        var plotLeft = ZScoreChartLayout.Margin + (float)Math.Ceiling(labelWidth) + 16;
        var plotRight = Width - ZScoreChartLayout.Margin - ZScoreChartLayout.ValueColumn;
        var height = ZScoreChartLayout.Margin * 2 + rows.Count * ZScoreChartLayout.RowHeight + ZScoreChartLayout.AxisArea;
        return new ZScoreChartLayout(Width, height, plotLeft, plotRight, rows.Count);
    }

    /// <summary>Null when no region has a z-score (no normative database).</summary>
    public static byte[]? Render(StoredUptake uptake, UiLanguage language)
    {
        var rows = Rows(uptake);
        if (rows.Count == 0)
        {
            return null;
        }

        var layout = Layout(rows, language);
        return Png.Draw(layout.Width, layout.Height, FigureStyle.ChartBackground, canvas =>
        {
            using var font = FigureFonts.Font(language, FigureStyle.LabelSize);
            using var small = FigureFonts.Font(language, FigureStyle.SmallSize);
            DrawAxes(canvas, layout, small, language);
            for (var row = 0; row < rows.Count; row++)
            {
                var region = rows[row];
                var z = region.ZScore!.Value;
                var y = layout.RowCentre(row);
                FigureText.Draw(canvas, UiText.Region(region.Name, language), layout.PlotLeft - 10, y + 5, SKTextAlign.Right, font, FigureStyle.ChartText);
                DrawPoint(canvas, layout, z, y);
                FigureText.Draw(canvas, z.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture), layout.PlotRight + 10, y + 5, SKTextAlign.Left, font,
                    FigureStyle.ChartText);
            }
        });
    }

    public static SKColor ColourFor(double z) => z > NormalLimit ? ChartColours.Above : z < -NormalLimit ? ChartColours.Below : ChartColours.Within;

    private static void DrawAxes(SKCanvas canvas, ZScoreChartLayout layout, SKFont small, UiLanguage language)
    {
        var top = (float)ZScoreChartLayout.Margin;
        var bottom = layout.RowsBottom;
        using var band = new SKPaint { Color = ChartColours.NormalBand };
        canvas.DrawRect(new SKRect(layout.XFor(-NormalLimit), top, layout.XFor(NormalLimit), bottom), band);
        using var grid = new SKPaint { Color = ChartColours.Grid, StrokeWidth = 1 };
        using var axis = new SKPaint { Color = ChartColours.Axis, StrokeWidth = 1 };
        for (var z = -(int)ZScoreChartLayout.Limit; z <= ZScoreChartLayout.Limit; z++)
        {
            var x = (float)Math.Round(layout.XFor(z)) + 0.5f;
            canvas.DrawLine(x, top, x, bottom, z == 0 ? axis : grid);
            canvas.DrawLine(x, bottom, x, bottom + 4, axis);
            FigureText.Draw(canvas, z.ToString("+0;−0;0", CultureInfo.InvariantCulture), x, bottom + 17, SKTextAlign.Center, small, FigureStyle.ChartText);
        }

        canvas.DrawLine(layout.PlotLeft, bottom + 0.5f, layout.PlotRight, bottom + 0.5f, axis);
        using var titleFont = FigureFonts.Font(language, FigureStyle.LabelSize);
        FigureText.Draw(canvas, UiText.Get("figure.zchart.axis", language), (layout.PlotLeft + layout.PlotRight) / 2, bottom + 40, SKTextAlign.Center,
            titleFont, FigureStyle.ChartText);
    }

    private static void DrawPoint(SKCanvas canvas, ZScoreChartLayout layout, double z, float y)
    {
        var colour = ColourFor(z);
        var x = layout.XFor(z);
        using var stem = new SKPaint { Color = colour, StrokeWidth = 3, IsAntialias = true };
        canvas.DrawLine(layout.XFor(0), y, x, y, stem);
        if (Math.Abs(z) <= ZScoreChartLayout.Limit)
        {
            using var fill = new SKPaint { Color = colour, IsAntialias = true };
            canvas.DrawCircle(x, y, 6, fill);
            return;
        }

        // Off the scale: an arrowhead at the edge pointing outwards.
        var direction = Math.Sign(z);
        FigureShapes.FillPolygon(canvas, colour, new SKPoint(x + direction * 8, y), new SKPoint(x - direction * 4, y - 7),
            new SKPoint(x - direction * 4, y + 7));
    }
}
