using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Atlas;

/// <summary>
/// A label image in template space: <see cref="Labels"/> holds one byte per voxel of <see cref="Geometry"/>
/// (0 = background, otherwise an <see cref="AtlasRegion.Label"/>). The array is shared, not copied: treat it as read-only.
/// </summary>
public sealed class BrainAtlas
{
    /// <summary>Name of the pseudo-region made of every labelled voxel; usable as SUVR reference.</summary>
    public const string WholeBrainName = "whole_brain";

    private readonly Dictionary<string, AtlasRegion> _byName;

    public BrainAtlas(VolumeGeometry geometry, byte[] labels, IReadOnlyList<AtlasRegion> regions, string version)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (labels.Length != geometry.VoxelCount)
        {
            throw new ArgumentException($"Label array has {labels.Length} values, the grid {geometry.VoxelCount}.", nameof(labels));
        }

        _byName = new Dictionary<string, AtlasRegion>(StringComparer.Ordinal);
        foreach (AtlasRegion region in regions)
        {
            if (region.Label is <= 0 or > byte.MaxValue)
            {
                throw new ArgumentException($"Region {region.Name} has label {region.Label}; labels must be 1..255.", nameof(regions));
            }

            if (region.Name == WholeBrainName || !_byName.TryAdd(region.Name, region))
            {
                throw new ArgumentException($"Region name {region.Name} is reserved or duplicated.", nameof(regions));
            }
        }

        Geometry = geometry;
        Labels = labels;
        Regions = regions;
        Version = version;
    }

    /// <summary>
    /// Builds an atlas from a label image (e.g. a site atlas read with <see cref="NiftiReader"/>). Values must be
    /// whole numbers 0..255 and every non-zero label must belong to one of <paramref name="regions"/>.
    /// </summary>
    public static BrainAtlas FromLabelImage(Volume labelImage, IReadOnlyList<AtlasRegion> regions, string version)
    {
        ArgumentNullException.ThrowIfNull(labelImage);
        ArgumentNullException.ThrowIfNull(regions);
        var known = new bool[256];
        foreach (AtlasRegion region in regions)
        {
            known[Math.Clamp(region.Label, 0, 255)] = true;
        }

        var labels = new byte[labelImage.Data.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            float value = labelImage.Data[i];
            double rounded = Math.Round(value);
            if (!(Math.Abs(value - rounded) < 1e-3) || rounded < 0 || rounded > 255 || (rounded > 0 && !known[(int)rounded]))
            {
                throw new ArgumentException($"Voxel {i} has label value {value}, which is not 0 or a listed region label.", nameof(labelImage));
            }

            labels[i] = (byte)rounded;
        }

        return new BrainAtlas(labelImage.Geometry, labels, regions, version);
    }

    public VolumeGeometry Geometry { get; }

    public byte[] Labels { get; }

    public IReadOnlyList<AtlasRegion> Regions { get; }

    public string Version { get; }

    public AtlasRegion Region(string name) =>
        _byName.TryGetValue(name, out AtlasRegion? region) ? region : throw new KeyNotFoundException($"The atlas has no region named '{name}'.");

    /// <summary>Number of template voxels carrying each label (index = label, 0..255).</summary>
    public int[] VoxelCountsByLabel()
    {
        var counts = new int[256];
        foreach (byte label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>Whole-brain mask: true where any region label (> 0) is set.</summary>
    public bool[] WholeBrain()
    {
        var mask = new bool[Labels.Length];
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = Labels[i] > 0;
        }

        return mask;
    }

    /// <summary>
    /// Template image with every voxel of a region set to that region's value. Regions absent from the dictionary
    /// and the background get <paramref name="background"/>; an unknown region name is an error (it is usually a typo).
    /// </summary>
    public Volume Paint(IReadOnlyDictionary<string, double> valuePerRegion, double background = 0)
    {
        ArgumentNullException.ThrowIfNull(valuePerRegion);
        var lookup = new float[256];
        Array.Fill(lookup, (float)background);
        foreach ((string name, double value) in valuePerRegion)
        {
            lookup[Region(name).Label] = (float)value;
        }

        var data = new float[Labels.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = lookup[Labels[i]];
        }

        return new Volume(Geometry, data);
    }
}
