namespace AmpaCds.Research.Synthetic.Regions;

/// <summary>Standardised uptake value ratio against a voxel-weighted whole-brain reference.</summary>
public static class Suvr
{
    /// <summary>Voxel-weighted mean of the regional values: the mean over all brain voxels when each region is uniform.</summary>
    public static double WholeBrainReference(IReadOnlyDictionary<string, double> valueByRegion, RegionVolumeFractions fractions)
    {
        double weighted = 0;
        double totalSize = 0;
        foreach (var (region, size) in fractions.RelativeSize)
        {
            if (!valueByRegion.TryGetValue(region, out var value))
            {
                throw new ArgumentException($"No value for region '{region}', which the whole-brain reference needs.", nameof(valueByRegion));
            }

            weighted += size * value;
            totalSize += size;
        }

        return weighted / totalSize;
    }

    /// <summary>Each region's value divided by the whole-brain reference.</summary>
    public static IReadOnlyDictionary<string, double> Compute(IReadOnlyDictionary<string, double> valueByRegion, RegionVolumeFractions fractions)
    {
        var reference = WholeBrainReference(valueByRegion, fractions);
        return valueByRegion.ToDictionary(kv => kv.Key, kv => kv.Value / reference);
    }
}
