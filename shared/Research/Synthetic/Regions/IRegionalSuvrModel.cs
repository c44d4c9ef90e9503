namespace AmpaCds.Research.Synthetic.Regions;

/// <summary>
/// How a subject's true regional density becomes the regional SUVR a cohort row carries: ideally
/// (<see cref="RegionVolumeFractions"/>: each region's own value against a volume-weighted whole
/// brain) or as a scanner and the pipeline would measure it (the simulator's partial-volume model).
/// </summary>
public interface IRegionalSuvrModel
{
    /// <summary>One-line description for model cards and CSV provenance.</summary>
    string Description { get; }

    IReadOnlyDictionary<string, double> FromDensity(IReadOnlyDictionary<string, double> density);
}
