namespace AmpaCds.Imaging.Statistics;

/// <summary>
/// Per-region statistics in atlas order plus the whole brain (all labelled voxels, pseudo-label 0,
/// name <see cref="BrainAtlas.WholeBrainName"/>).
/// </summary>
public sealed record RegionalStatisticsResult(IReadOnlyList<RegionStatistic> Regions, RegionStatistic WholeBrain)
{
    /// <summary>Region name → mean, including the whole brain; the input of <see cref="RegionalStatistics.Suvr"/>.</summary>
    public IReadOnlyDictionary<string, double> Means()
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal) { [WholeBrain.Name] = WholeBrain.Mean };
        foreach (RegionStatistic region in Regions)
        {
            means[region.Name] = region.Mean;
        }

        return means;
    }

    public RegionStatistic this[string name] =>
        name == WholeBrain.Name ? WholeBrain : Regions.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No region named '{name}'.");
}
