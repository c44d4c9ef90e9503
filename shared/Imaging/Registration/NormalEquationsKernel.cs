using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// The per-sample work of <see cref="NormalEquations"/>: Jᵀ·J (upper triangle), Jᵀ·r, Σr² and the inside count.
/// It was the registration's hot spot (about half of a study's CPU). Row r of Jᵀ·J is added as whole
/// <see cref="Vector{T}"/> chunks, starting from the chunk that holds column r; every accumulator still receives
/// the same products, added in the same sample order, as a scalar loop gives it (multiply, then add: never fused).
/// </summary>
internal sealed class NormalEquationsKernel(FixedSamples samples, MovingImage moving, float alpha, float beta, double[] q)
{
    public const int P = RegistrationState.ParameterCount;

    private static readonly int Width = Vector<double>.Count;

    /// <summary>Chunks that hold one padded Jacobian row (the padding is zero and never read back).</summary>
    private static readonly int Chunks = (P + Width - 1) / Width;

    /// <summary>Hessian chunks, then gradient chunks, then one chunk whose first two lanes are Σr² and the inside count.</summary>
    public static readonly int Length = HessianChunks() + Chunks + 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(int start, int end, Vector<double>[] accumulators)
    {
        float[] xs = samples.X, ys = samples.Y, zs = samples.Z, fs = samples.Value;
        double q00 = q[0], q01 = q[1], q02 = q[2], q03 = q[3], q10 = q[4], q11 = q[5], q12 = q[6], q13 = q[7];
        double q20 = q[8], q21 = q[9], q22 = q[10], q23 = q[11];
        Span<double> j = stackalloc double[Chunks * Width];
        j.Clear();
        ReadOnlySpan<Vector<double>> row = MemoryMarshal.Cast<double, Vector<double>>(j);
        Span<Vector<double>> acc = accumulators;
        int gradientStart = Length - Chunks - 1;
        double cost = 0, inside = 0;
        for (int n = start; n < end; n++)
        {
            double x = xs[n], y = ys[n], z = zs[n];
            bool isInside = moving.Sample(
                q00 * x + q01 * y + q02 * z + q03,
                q10 * x + q11 * y + q12 * z + q13,
                q20 * x + q21 * y + q22 * z + q23,
                out float m, out float gx, out float gy, out float gz);
            double residual = fs[n] - (alpha * m + beta);
            double ax = -alpha * gx, ay = -alpha * gy, az = -alpha * gz;
            j[0] = ax * x; j[1] = ax * y; j[2] = ax * z;
            j[3] = ay * x; j[4] = ay * y; j[5] = ay * z;
            j[6] = az * x; j[7] = az * y; j[8] = az * z;
            j[9] = ax; j[10] = ay; j[11] = az;
            j[12] = -m; j[13] = -1;
            int t = 0;
            for (int r = 0; r < P; r++)
            {
                var jr = new Vector<double>(j[r]);
                for (int c = r / Width; c < Chunks; c++)
                {
                    acc[t++] += jr * row[c];
                }
            }

            var weight = new Vector<double>(residual);
            for (int c = 0; c < Chunks; c++)
            {
                acc[gradientStart + c] += row[c] * weight;
            }

            cost += residual * residual;
            if (isInside)
            {
                inside += 1;
            }
        }

        Span<double> last = MemoryMarshal.Cast<Vector<double>, double>(acc[(Length - 1)..]);
        last[0] += cost;
        last[1] += inside;
    }

    /// <summary>Unpacks the accumulators into the upper triangle (row-major, c ≥ r), the gradient, Σr² and the inside count.</summary>
    public static (double[] Triangle, double[] Gradient, double Cost, double Inside) Unpack(Vector<double>[] accumulators)
    {
        ReadOnlySpan<double> flat = MemoryMarshal.Cast<Vector<double>, double>(accumulators);
        var triangle = new double[P * (P + 1) / 2];
        int k = 0, chunk = 0;
        for (int r = 0; r < P; r++)
        {
            int first = r / Width;
            for (int c = r; c < P; c++)
            {
                triangle[k++] = flat[(chunk + c / Width - first) * Width + c % Width];
            }

            chunk += Chunks - first;
        }

        double[] gradient = flat.Slice(chunk * Width, P).ToArray();
        int tail = (Length - 1) * Width;
        return (triangle, gradient, flat[tail], flat[tail + 1]);
    }

    private static int HessianChunks()
    {
        int count = 0;
        for (int r = 0; r < P; r++)
        {
            count += Chunks - r / Width;
        }

        return count;
    }
}
