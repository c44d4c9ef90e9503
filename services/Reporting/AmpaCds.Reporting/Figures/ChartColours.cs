using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>Colours of the two charts; the red and blue match the z-map's colours for z = ±3.</summary>
public static class ChartColours
{
    public static SKColor Above { get; } = new(178, 24, 43);

    public static SKColor Below { get; } = new(33, 102, 172);

    public static SKColor Within { get; } = new(80, 80, 80);

    public static SKColor NormalBand { get; } = new(226, 232, 238);

    public static SKColor Grid { get; } = new(200, 200, 200);

    public static SKColor Axis { get; } = new(90, 90, 90);

    /// <summary>The 90 % interval bar of the forecast chart.</summary>
    public static SKColor Interval { get; } = new(120, 160, 200);

    public static SKColor Marker { get; } = new(20, 20, 20);
}
