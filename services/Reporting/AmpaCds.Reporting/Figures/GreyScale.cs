using AmpaCds.Imaging.Geometry;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The grey scale of the registration overlay. Unlike the quantitative maps its range is fitted to the image (0 to the
/// 99.5th percentile of positive voxels): the overlay is read for shape and position, and a fixed range would leave a
/// low-uptake scan too dark to judge.
/// </summary>
public static class GreyScale
{
    public const double UpperPercentile = 0.995;

    public static ColourMap For(Volume image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var positive = image.Data.Where(value => float.IsFinite(value) && value > 0).ToArray();
        var upper = 1.0;
        if (positive.Length > 0)
        {
            Array.Sort(positive);
            upper = positive[(int)Math.Min(positive.Length - 1, Math.Floor(UpperPercentile * positive.Length))];
        }

        return new ColourMap(0, Math.Max(upper, 1e-3), "figure.unit.suvr", "0.00", [SKColors.Black, SKColors.White], diverging: false);
    }
}
