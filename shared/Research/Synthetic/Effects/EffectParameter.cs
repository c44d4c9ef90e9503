namespace AmpaCds.Research.Synthetic.Effects;

/// <summary>One number of the effect model together with where it comes from, so a reader can tell evidence from assumption.</summary>
/// <param name="Value">The value used by the simulator.</param>
/// <param name="Basis">Source of the direction (a SCIENCE.md finding or a publication) and whether the magnitude is assumed.</param>
public sealed record EffectParameter(double Value, string Basis);
