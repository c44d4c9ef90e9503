namespace AmpaCds.Cli.Analysis;

/// <summary>A region's plotted effect, its 95 % interval and its BH q.</summary>
public sealed record RegionEffect(string Region, double Value, double Lower, double Upper, double Q);
