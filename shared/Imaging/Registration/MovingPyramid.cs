using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// The PET image per level. Built fine to coarse: each level adds only the missing blur
/// (sqrt(F² − f²), Gaussians compose in quadrature) and is subsampled to the level spacing, so the
/// expensive full-resolution pass uses the smallest kernel.
/// </summary>
internal static class MovingPyramid
{
    public static IReadOnlyList<MovingImage> Build(Volume moving, IReadOnlyList<RegistrationLevel> levels)
    {
        var order = Enumerable.Range(0, levels.Count).OrderBy(l => levels[l].SmoothingFwhmMm).ToArray();
        var result = new MovingImage[levels.Count];
        Volume current = moving;
        double currentFwhm = 0;
        foreach (int l in order)
        {
            double target = levels[l].SmoothingFwhmMm;
            double extra = Math.Sqrt(Math.Max(0, target * target - currentFwhm * currentFwhm));
            current = AffineRegistration.Downsample(GaussianFilter.Smooth(current, extra), levels[l].SpacingMm);
            currentFwhm = Math.Max(target, currentFwhm);
            result[l] = new MovingImage(current);
        }

        return result;
    }
}
