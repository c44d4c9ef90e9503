using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// A fixed value range mapped onto a 257-entry colour table built from a few anchor colours. Values outside the range
/// take the end colours, so a clipped voxel still shows as "at least the maximum". 257 = 2^8 + 1 entries put zero of a
/// symmetric range, and every anchor of a 9-anchor map, exactly on an entry.
/// </summary>
public sealed class ColourMap
{
    private const int Entries = 257;
    private readonly SKColor[] _table;

    public ColourMap(double minimum, double maximum, string unitKey, string labelFormat, IReadOnlyList<SKColor> anchors, bool diverging)
    {
        if (!(maximum > minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), $"The colour range {minimum}..{maximum} is empty.");
        }

        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Count < 2)
        {
            throw new ArgumentException("A colour map needs at least two anchor colours.", nameof(anchors));
        }

        Minimum = minimum;
        Maximum = maximum;
        UnitKey = unitKey;
        LabelFormat = labelFormat;
        Diverging = diverging;
        _table = new SKColor[Entries];
        for (var index = 0; index < Entries; index++)
        {
            var position = index / (double)(Entries - 1) * (anchors.Count - 1);
            var lower = Math.Min((int)position, anchors.Count - 2);
            _table[index] = Mix(anchors[lower], anchors[lower + 1], position - lower);
        }
    }

    public double Minimum { get; }

    public double Maximum { get; }

    /// <summary>The UI text key of the unit written on the colour bar.</summary>
    public string UnitKey { get; }

    /// <summary>Numeric format of the colour bar labels.</summary>
    public string LabelFormat { get; }

    /// <summary>Diverging maps are symmetric about zero and label their midpoint.</summary>
    public bool Diverging { get; }

    public SKColor Map(double value)
    {
        if (double.IsNaN(value))
        {
            return FigureStyle.Background;
        }

        var fraction = (value - Minimum) / (Maximum - Minimum);
        var index = (int)Math.Round(Math.Clamp(fraction, 0, 1) * (Entries - 1));
        return _table[index];
    }

    /// <summary>Colour at a fraction 0..1 of the range (the colour bar).</summary>
    public SKColor AtFraction(double fraction) => _table[(int)Math.Round(Math.Clamp(fraction, 0, 1) * (Entries - 1))];

    public static SKColor Mix(SKColor from, SKColor to, double weight) => new(
        (byte)Math.Round(from.Red + (to.Red - from.Red) * weight),
        (byte)Math.Round(from.Green + (to.Green - from.Green) * weight),
        (byte)Math.Round(from.Blue + (to.Blue - from.Blue) * weight));
}
