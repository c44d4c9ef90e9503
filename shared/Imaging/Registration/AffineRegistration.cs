using System.Diagnostics;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// 12-parameter affine registration of a PET volume (moving, scanner space) to a template (fixed).
/// Pipeline: intensity-weighted centre-of-mass alignment, then per pyramid level (smoothed, subsampled template)
/// a rigid and/or affine Levenberg-Marquardt fit of the template as a linear function of the warped PET, i.e. a
/// least-squares fit that is equivalent to maximising the correlation. Gradients are analytic.
/// </summary>
public static class AffineRegistration
{
    /// <summary>Convenience overload that prepares the template on every call; prefer the <see cref="RegistrationTemplate"/> one in services.</summary>
    public static RegistrationResult Register(Volume moving, Volume fixedTemplate, RegistrationOptions? options = null) =>
        Register(moving, new RegistrationTemplate(fixedTemplate, options));

    public static RegistrationResult Register(Volume moving, RegistrationTemplate template)
    {
        ArgumentNullException.ThrowIfNull(moving);
        ArgumentNullException.ThrowIfNull(template);
        var clock = Stopwatch.StartNew();
        RegistrationOptions options = template.Options;
        IReadOnlyList<MovingImage> pyramid = MovingPyramid.Build(moving, options.Levels);

        // Start from the identity orientation with the two centres of mass on top of each other.
        var state = new RegistrationState(
            new double[3, 3] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, moving.CentreOfMass(), 1, 0, template.Centre);
        int iterations = 0;
        for (int l = 0; l < options.Levels.Count; l++)
        {
            RegistrationLevel level = options.Levels[l];
            FixedSamples samples = template.LevelSamples[l];
            state = FitIntensity(samples, pyramid[l], state);
            if (level.Rigid)
            {
                state = LevenbergMarquardt.Optimise(samples, pyramid[l], state, rigid: true, options, ref iterations);
            }

            if (level.Affine)
            {
                state = LevenbergMarquardt.Optimise(samples, pyramid[l], state, rigid: false, options, ref iterations);
            }
        }

        Affine templateToMoving = state.ToAffine();
        RegistrationQuality quality = RegistrationQuality.Assess(moving, template, templateToMoving);
        return new RegistrationResult(
            templateToMoving, quality.Similarity, quality.Passed, quality.Reason, iterations, clock.Elapsed, quality.Scales, quality.Overlap);
    }

    /// <summary>Resamples onto a grid with the given spacing covering the same extent (input must already be smoothed).</summary>
    internal static Volume Downsample(Volume volume, double spacingMm)
    {
        Point3 spacing = volume.Spacing;
        double fx = Math.Max(1, spacingMm / spacing.X), fy = Math.Max(1, spacingMm / spacing.Y), fz = Math.Max(1, spacingMm / spacing.Z);
        if (fx < 1.01 && fy < 1.01 && fz < 1.01)
        {
            return volume;
        }

        int nx = (int)Math.Ceiling(volume.Nx / fx), ny = (int)Math.Ceiling(volume.Ny / fy), nz = (int)Math.Ceiling(volume.Nz / fz);

        // New voxel v maps to old voxel f·v + offset, with the offset keeping both grids centred on each other.
        var newToOld = Affine.FromColumns(
            new(fx, 0, 0), new(0, fy, 0), new(0, 0, fz),
            new(((volume.Nx - 1) - fx * (nx - 1)) / 2, ((volume.Ny - 1) - fy * (ny - 1)) / 2, ((volume.Nz - 1) - fz * (nz - 1)) / 2));
        return Resampler.Resample(volume, new VolumeGeometry(nx, ny, nz, volume.VoxelToWorld * newToOld));
    }

    /// <summary>Least-squares α, β of F ≈ α·M + β at the current pose, so each level starts with a sensible intensity map.</summary>
    private static RegistrationState FitIntensity(FixedSamples samples, MovingImage moving, RegistrationState state)
    {
        Affine toVoxel = moving.Geometry.WorldToVoxel * state.ToAffine();
        double sm = 0, sf = 0, smm = 0, smf = 0;
        int n = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            Point3 v = toVoxel.Apply(new Point3(samples.X[i], samples.Y[i], samples.Z[i]) + samples.Centre);
            if (moving.Sample(v.X, v.Y, v.Z, out float m, out _, out _, out _))
            {
                double f = samples.Value[i];
                sm += m;
                sf += f;
                smm += m * m;
                smf += m * f;
                n++;
            }
        }

        if (n < 10)
        {
            return state;
        }

        double variance = smm / n - (sm / n) * (sm / n);
        double covariance = smf / n - (sm / n) * (sf / n);
        double alpha = variance > 1e-20 ? covariance / variance : 0;
        return state.WithIntensity(alpha, sf / n - alpha * sm / n);
    }
}
