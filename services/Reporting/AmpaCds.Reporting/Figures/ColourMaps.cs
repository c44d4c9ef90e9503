using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The colour scales of the report figures. Every range is fixed rather than fitted to each image, so the same colour
/// means the same value in every report and across a patient's baseline and follow-up; a per-image range would make a
/// globally low scan look like a normal one.
/// </summary>
public static class ColourMaps
{
    /// <summary>
    /// SUVR against the whole-brain (or configured) reference sits around 1; 0..2.5 holds grey and white matter and the
    /// highest-binding regions without wasting colours. Inferno is perceptually ordered and stays readable in grey print.
    /// </summary>
    public static ColourMap Suvr { get; } = new(0, 2.5, "figure.unit.suvr", "0.0", Inferno, diverging: false);

    /// <summary>
    /// z ±4, blue (below controls) through white to red (above). The anchors keep |z| ≤ 1 close to white, so normal
    /// variation does not draw the eye; z = ±3 is clearly red or blue.
    /// </summary>
    public static ColourMap ZScore { get; } = new(-4, 4, "figure.unit.z", "+0;−0;0", RedBlue, diverging: true);

    /// <summary>ΔSUVR ±0.3 (about ±25 % of a typical regional SUVR): the same diverging colours as the z map.</summary>
    public static ColourMap Change { get; } = new(-0.3, 0.3, "figure.unit.change", "+0.0#;−0.0#;0", RedBlue, diverging: true);

    /// <summary>Control points of matplotlib's inferno map (public domain, van der Walt and Smith), evenly spaced.</summary>
    private static SKColor[] Inferno =>
    [
        new(0, 0, 4), new(22, 11, 57), new(66, 10, 104), new(106, 23, 110), new(147, 38, 103), new(188, 55, 84),
        new(221, 81, 58), new(243, 120, 25), new(252, 165, 10), new(246, 215, 70), new(252, 255, 164),
    ];

    /// <summary>ColorBrewer RdBu (reversed: blue low, red high), with a near-white band in the middle.</summary>
    private static SKColor[] RedBlue =>
    [
        new(5, 48, 97), new(33, 102, 172), new(67, 147, 195), new(209, 229, 240), new(247, 247, 247),
        new(253, 219, 199), new(214, 96, 77), new(178, 24, 43), new(103, 0, 31),
    ];
}
