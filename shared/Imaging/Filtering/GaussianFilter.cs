using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Filtering;

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
        // The input is only read; each pass writes every voxel of its target, so the buffers need no zeroing.
        float[] current = volume.Data, scratch = GC.AllocateUninitializedArray<float>(current.Length);
        bool owned = false;
        void Advance()
        {
            float[] written = scratch;
            scratch = owned ? current : GC.AllocateUninitializedArray<float>(current.Length);
            current = written;
            owned = true;
        }

        // Axis x: lines are contiguous (stride 1); y: stride nx within each plane; z: stride nx*ny.
        if (Convolve(current, scratch, Kernel(sigmaMm / spacing.X), length: nx, stride: 1, innerCount: 1, outerCount: ny * nz, outerStride: nx))
        {
            Advance();
        }

        if (Convolve(current, scratch, Kernel(sigmaMm / spacing.Y), length: ny, stride: nx, innerCount: nx, outerCount: nz, outerStride: nx * ny))
        {
            Advance();
        }

        if (Convolve(current, scratch, Kernel(sigmaMm / spacing.Z), length: nz, stride: nx * ny, innerCount: nx * ny, outerCount: 1, outerStride: 0))
        {
            Advance();
        }

        return new Volume(volume.Geometry, owned ? current : (float[])current.Clone());
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
    /// Convolves along one axis. Voxel index = inner + stride·p + outerStride·o with p the position along the axis.
    /// Along y and z the innermost loop runs over contiguous voxels (vectorised); along x each row is done on its own.
    /// </summary>
    private static bool Convolve(float[] source, float[] target, float[]? half, int length, int stride, int innerCount, int outerCount, int outerStride)
    {
        if (half is null || length == 1)
        {
            return false;
        }

        float[] norms = EdgeNorms(half, length);
        if (stride == 1)
        {
            Parallel.For(0, outerCount, o => ConvolveRow(source, target, half, norms, o * outerStride, length));
            return true;
        }

        int radius = half.Length - 1;
        Parallel.For(0, outerCount * length, line =>
        {
            int o = line / length, p = line % length;
            int baseIndex = o * outerStride + p * stride;
            int from = Math.Max(-radius, -p), to = Math.Min(radius, length - 1 - p);
            Span<float> output = target.AsSpan(baseIndex, innerCount);
            output.Clear();
            for (int t = from; t <= to; t++)
            {
                AddScaled(output, source.AsSpan(baseIndex + t * stride, innerCount), half[Math.Abs(t)] * norms[p]);
            }
        });
        return true;
    }

    /// <summary>
    /// One row along x. Where the whole kernel fits inside the row, <see cref="Vector{T}.Count"/> neighbouring outputs are
    /// summed at once, tap by tap in the same order as the scalar loop, so every output gets the same float additions.
    /// Optimised from the first call: called per row from a parallel loop, it otherwise ran as unoptimised tier-0 code
    /// through the first few dozen smoothings of a process.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ConvolveRow(float[] source, float[] target, float[] half, float[] norms, int start, int length)
    {
        int radius = half.Length - 1;
        int p = 0;
        for (; p < Math.Min(radius, length); p++)
        {
            target[start + p] = ConvolveAt(source, half, norms, start, length, p);
        }

        int width = Vector<float>.Count;
        ReadOnlySpan<float> row = source.AsSpan(start, length);
        for (; p + width <= length - radius; p += width)
        {
            Vector<float> sum = Vector<float>.Zero;
            for (int t = -radius; t <= radius; t++)
            {
                sum += new Vector<float>(half[t < 0 ? -t : t]) * new Vector<float>(row.Slice(p + t, width));
            }

            (sum * new Vector<float>(norms.AsSpan(p, width))).CopyTo(target.AsSpan(start + p, width));
        }

        for (; p < length; p++)
        {
            target[start + p] = ConvolveAt(source, half, norms, start, length, p);
        }
    }

    private static float ConvolveAt(float[] source, float[] half, float[] norms, int start, int length, int p)
    {
        int radius = half.Length - 1;
        int from = Math.Max(-radius, -p), to = Math.Min(radius, length - 1 - p);
        float sum = 0;
        for (int t = from; t <= to; t++)
        {
            sum += half[t < 0 ? -t : t] * source[start + p + t];
        }

        return sum * norms[p];
    }

    /// <summary>1 / (sum of the kernel taps that fall inside the line) for every position: renormalises at the borders.</summary>
    private static float[] EdgeNorms(float[] half, int length)
    {
        int radius = half.Length - 1;
        var norms = new float[length];
        for (int p = 0; p < length; p++)
        {
            double sum = 0;
            for (int t = Math.Max(-radius, -p); t <= Math.Min(radius, length - 1 - p); t++)
            {
                sum += half[Math.Abs(t)];
            }

            norms[p] = (float)(1 / sum);
        }

        return norms;
    }

    private static void AddScaled(Span<float> output, ReadOnlySpan<float> input, float weight)
    {
        int n = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            Span<Vector<float>> outVectors = MemoryMarshal.Cast<float, Vector<float>>(output);
            ReadOnlySpan<Vector<float>> inVectors = MemoryMarshal.Cast<float, Vector<float>>(input);
            for (int v = 0; v < outVectors.Length; v++)
            {
                outVectors[v] += w * inVectors[v];
            }

            n = outVectors.Length * Vector<float>.Count;
        }

        for (; n < output.Length; n++)
        {
            output[n] += weight * input[n];
        }
    }
}
