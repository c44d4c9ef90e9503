using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Research.Simulation;

/// <summary>Which feature model looks like a study the pipeline measured under a given partial-volume correction.</summary>
public static class MeasuredSuvrModels
{
    /// <summary>
    /// Uncorrected: the PSF-blurred values (<see cref="PartialVolumeSuvrModel"/>). GTM and RBV both recover the painted
    /// truth to within about 0.5 % on average, far closer than the 10 % partial-volume bias, so both get the truth
    /// (<see cref="PartialVolumeCorrectedSuvrModel"/>); their remaining difference is of the size of the noise.
    /// </summary>
    public static IRegionalSuvrModel For(PartialVolumeMethod method) =>
        method == PartialVolumeMethod.None ? PartialVolumeSuvrModel.Default : PartialVolumeCorrectedSuvrModel.Default;
}
