namespace AmpaCds.Imaging;

/// <summary>
/// Separable Gaussian smoothing with the width given in millimetres, converted per axis using that axis' voxel
/// spacing, so anisotropic PET voxels get the same physical blur in every direction.
/// </summary>
public static class GaussianFilter
{
    /// <summary>FWHM = this factor × sigma, i.e. 2·sqrt(2·ln 2).</summary>
    public const double FwhmPerSigma = 2.3548200450309493;

    /// <summary>Kernels are truncated at this many sigmas (the tail beyond holds < 0.05 % of the weight).</summary>
    private const double TruncationSigmas = 3.5;

    /// <summary>Below this sigma (in voxels) a kernel would be a near-delta, so the axis is left untouched.</summary>
    private const double NegligibleSigmaVoxels = 0.05;

    /// <summary>
    /// Returns a smoothed copy. Near the borders the kernel is renormalised over the voxels that exist, so a
    /// uniform image stays uniform instead of darkening at its edges.
    /// </summary>
    public static Volume Smooth(Volume volume, double fwhmMm)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (!(fwhmMm >= 0) || !double.IsFinite(fwhmMm))
        {
            throw new ArgumentOutOfRangeException(nameof(fwhmMm), "FWHM must be a finite non-negative number of millimetres.");
        }

        Point3 spacing = volume.Spacing;
        double sigmaMm = fwhmMm / FwhmPerSigma;
        int nx = volume.Nx, ny = volume.Ny, nz = volume.Nz;
        float[] current = (float[])volume.Data.Clone();
        float[] scratch = new float[current.Length];

        // Axis x: lines are contiguous (stride 1); y: stride nx within each plane; z: stride nx*ny.
        if (Convolve(current, scratch, Kernel(sigmaMm / spacing.X), length: nx, stride: 1, innerCount: 1, outerCount: ny * nz, outerStride: nx))
        {
            (current, scratch) = (scratch, current);
        }

        if (Convolve(current, scratch, Kernel(sigmaMm / spacing.Y), length: ny, stride: nx, innerCount: nx, outerCount: nz, outerStride: nx * ny))
        {
            (current, scratch) = (scratch, current);
        }

        if (Convolve(current, scratch, Kernel(sigmaMm / spacing.Z), length: nz, stride: nx * ny, innerCount: nx * ny, outerCount: 1, outerStride: 0))
        {
            (current, scratch) = (scratch, current);
        }

        return new Volume(volume.Geometry, current);
    }

    /// <summary>Half of a symmetric normalised kernel: element t is the weight at offset ±t; null when negligible.</summary>
    private static float[]? Kernel(double sigmaVoxels)
    {
        if (sigmaVoxels < NegligibleSigmaVoxels)
        {
            return null;
        }

        int radius = Math.Max(1, (int)Math.Ceiling(TruncationSigmas * sigmaVoxels));
        var half = new float[radius + 1];
        for (int t = 0; t <= radius; t++)
        {
            half[t] = (float)Math.Exp(-0.5 * t * t / (sigmaVoxels * sigmaVoxels));
        }

        return half;
    }

    /// <summary>
    /// Convolves along one axis. Voxel index = inner + stride·p + outerStride·o with p the position along the axis;
    /// the innermost loop runs over the contiguous <paramref name="innerCount"/> voxels so it stays cache friendly.
    /// </summary>
    private static bool Convolve(float[] source, float[] target, float[]? half, int length, int stride, int innerCount, int outerCount, int outerStride)
    {
        if (half is null || length == 1)
        {
            return false;
        }

        int radius = half.Length - 1;
        Parallel.For(0, outerCount * length, line =>
        {
            int o = line / length, p = line % length;
            int baseIndex = o * outerStride + p * stride;
            int from = Math.Max(-radius, -p), to = Math.Min(radius, length - 1 - p);
            float norm = 0;
            for (int t = from; t <= to; t++)
            {
                norm += half[Math.Abs(t)];
            }

            float scale = 1f / norm;
            for (int n = 0; n < innerCount; n++)
            {
                target[baseIndex + n] = 0;
            }

            for (int t = from; t <= to; t++)
            {
                float w = half[Math.Abs(t)] * scale;
                int offset = baseIndex + t * stride;
                for (int n = 0; n < innerCount; n++)
                {
                    target[baseIndex + n] += w * source[offset + n];
                }
            }
        });
        return true;
    }
}
