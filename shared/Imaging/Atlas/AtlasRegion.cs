namespace AmpaCds.Imaging.Atlas;

/// <summary>One labelled structure of a <see cref="BrainAtlas"/>; left and right share the label.</summary>
public sealed record AtlasRegion(int Label, string Name);
