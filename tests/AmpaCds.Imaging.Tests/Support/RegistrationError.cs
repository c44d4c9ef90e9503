using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Support;

/// <summary>How far a recovered template → scanner transform is from the truth, over the brain.</summary>
internal static class RegistrationError
{
    /// <summary>Mean distance over all labelled atlas voxels between truth and recovered mapping, in mm.</summary>
    public static double MeanDisplacementMm(BrainAtlas atlas, Affine truth, Affine recovered)
    {
        // Residual = truth⁻¹ ∘ recovered: a template → template map, the identity when registration is exact.
        Affine residual = truth.Inverse() * recovered;
        VolumeGeometry grid = atlas.Geometry;
        double sum = 0;
        long count = 0;
        for (int index = 0; index < atlas.Labels.Length; index++)
        {
            if (atlas.Labels[index] == 0)
            {
                continue;
            }
            int i = index % grid.Nx, j = index / grid.Nx % grid.Ny, k = index / (grid.Nx * grid.Ny);
            Point3 p = grid.VoxelCentre(i, j, k);
            sum += residual.Apply(p).DistanceTo(p);
            count++;
        }
        return sum / count;
    }

    public static double RotationDegrees(Affine truth, Affine recovered) => RotationMatrix.AngleDegrees(truth.Inverse() * recovered);
}
