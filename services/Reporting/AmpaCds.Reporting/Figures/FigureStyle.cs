using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>Shared colours and sizes, so the figures of one report look like one set.</summary>
public static class FigureStyle
{
    /// <summary>Outside the template brain and outside the scan: dark neutral grey, distinct from every map colour.</summary>
    public static SKColor Background { get; } = new(28, 28, 30);

    /// <summary>Slice figures sit on the dark background; charts on white, as they are read like a table.</summary>
    public static SKColor ChartBackground { get; } = SKColors.White;

    public static SKColor Text { get; } = new(235, 235, 235);

    public static SKColor ChartText { get; } = new(33, 33, 33);

    /// <summary>Atlas region boundaries: thin, light and half transparent so they do not hide the values.</summary>
    public static SKColor RegionOutline { get; } = new(255, 255, 255, 150);

    /// <summary>The template brain outline on the registration overlay: bright cyan, absent from the grey image.</summary>
    public static SKColor TemplateOutline { get; } = new(0, 229, 255);

    /// <summary>Display scale of the slice figures: pixels per millimetre (2 mm voxels become 3 x 3 pixels).</summary>
    public const float PixelsPerMm = 1.5f;

    public const float TitleSize = 15;

    public const float LabelSize = 13;

    public const float SmallSize = 11;
}
