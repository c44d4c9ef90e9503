namespace AmpaCds.Imaging.Statistics;

/// <param name="Mean">Mean image value over the region's template voxels that fall inside the image (NaN if none do).</param>
/// <param name="Voxels">Number of template voxels that contributed (inside the field of view, finite value).</param>
/// <param name="Coverage">Fraction of the region's template voxels that map inside the image field of view, 0..1.</param>
public sealed record RegionStatistic(string Name, int Label, double Mean, int Voxels, double Coverage);
