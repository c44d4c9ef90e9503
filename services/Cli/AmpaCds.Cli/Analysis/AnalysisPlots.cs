using AmpaCds.Reporting.Localization;
using ScottPlot;

namespace AmpaCds.Cli.Analysis;

/// <summary>
/// One PNG per analysis: the effect per region as a bar with its 95 % interval, FDR-significant regions filled dark.
/// ScottPlot draws through SkiaSharp with the fonts deploy/install-deps.sh installs (IPAGothic for Japanese labels).
/// </summary>
public static class AnalysisPlots
{
    public const int Width = 900;
    public const int Height = 520;

    /// <summary>Fill of a region whose q is below the FDR level; others are light grey.</summary>
    public static readonly Color Significant = Color.FromHex("#1f4e79");
    public static readonly Color NotSignificant = Color.FromHex("#b4b4b4");

    public static void Write(AnalysisSection section, string path, double fdrLevel, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(section);
        var plot = new Plot();
        if (language == UiLanguage.Japanese)
        {
            plot.Font.Set("IPAGothic");
        }

        var bars = section.Effects.Select((effect, i) => new Bar
        {
            Position = i,
            Value = double.IsFinite(effect.Value) ? effect.Value : 0,
            FillColor = effect.Q < fdrLevel ? Significant : NotSignificant,
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        for (var i = 0; i < section.Effects.Count; i++)
        {
            var effect = section.Effects[i];
            if (double.IsFinite(effect.Lower) && double.IsFinite(effect.Upper))
            {
                var interval = plot.Add.Line(i, effect.Lower, i, effect.Upper);
                interval.Color = Colors.Black;
                interval.LineWidth = 1.5f;
            }
        }

        var ticks = section.Effects.Select((effect, i) => new Tick(i, UiText.Region(effect.Region, language))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 150;
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.Title(UiText.Get(section.TitleKey, language));
        plot.YLabel($"{UiText.Get(section.EffectKey, language)} ± {UiText.Get("analysis.interval", language)}");
        plot.SavePng(path, Width, Height);
    }
}
