using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Reporting.Localization;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Axial, coronal and sagittal views through one template point side by side, each titled with its position, with
/// orientation letters, a colour bar and a legend that states the (radiological) convention.
/// </summary>
public static class SliceFigure
{
    public static byte[] Render(Volume values, ColourMap colours, BrainAtlas atlas, bool maskOutsideBrain, OutlineMode outlines,
        IReadOnlyList<string> legendKeys, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(legendKeys);
        var layout = SliceFigureLayout.For(atlas.Geometry, SliceFigureLayout.DefaultCentre(atlas.Geometry));
        return Png.Draw(layout.Width, layout.Height, FigureStyle.Background, canvas =>
        {
            using var title = FigureFonts.Font(language, FigureStyle.TitleSize);
            using var small = FigureFonts.Font(language, FigureStyle.SmallSize);
            for (var view = 0; view < layout.Planes.Count; view++)
            {
                var plane = layout.Planes[view];
                var origin = layout.Origins[view];
                using (var image = SliceImage.Render(plane, values, colours, atlas, maskOutsideBrain, outlines))
                {
                    canvas.DrawBitmap(image, origin.X, origin.Y, new SKSamplingOptions(SKFilterMode.Nearest), null);
                }

                FigureText.Draw(canvas, Title(plane, language), origin.X, origin.Y - 8, SKTextAlign.Left, title, FigureStyle.Text);
                DrawLetters(canvas, plane, origin, language);
            }

            ColourBar.Draw(canvas, colours, layout.Bar, language, FigureStyle.Text);
            var baseline = layout.Height - SliceFigureLayout.LegendHeight + 18;
            foreach (var key in legendKeys)
            {
                FigureText.Draw(canvas, UiText.Get(key, language), SliceFigureLayout.Margin, baseline, SKTextAlign.Left, small, FigureStyle.Text);
                baseline += 16;
            }
        });
    }

    public static string Title(SlicePlane plane, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var view = UiText.Get("figure.view." + plane.View.ToString().ToLowerInvariant(), language);
        return view + "  " + FigureText.Format("figure.position", language, plane.FixedAxisName, plane.FixedCoordinate);
    }

    /// <summary>Orientation letters just inside each edge of a view (the corners of the template grid are outside the brain).</summary>
    public static void DrawLetters(SKCanvas canvas, SlicePlane plane, SKPointI origin, UiLanguage language, float size = FigureStyle.LabelSize)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(plane);
        using var font = FigureFonts.Font(language, size);
        var (left, right, top, bottom) = plane.Letters;
        var midX = origin.X + plane.Width / 2f;
        var midY = origin.Y + plane.Height / 2f + size / 3;
        FigureText.Draw(canvas, left, origin.X + 4, midY, SKTextAlign.Left, font, FigureStyle.Text);
        FigureText.Draw(canvas, right, origin.X + plane.Width - 4, midY, SKTextAlign.Right, font, FigureStyle.Text);
        FigureText.Draw(canvas, top, midX, origin.Y + size + 2, SKTextAlign.Center, font, FigureStyle.Text);
        FigureText.Draw(canvas, bottom, midX, origin.Y + plane.Height - 4, SKTextAlign.Center, font, FigureStyle.Text);
    }
}
