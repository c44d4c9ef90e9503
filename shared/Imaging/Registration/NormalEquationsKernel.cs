using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// The per-sample work of <see cref="NormalEquations"/>: Jᵀ·J (upper triangle), Jᵀ·r and Σr², the registration's hot spot.
/// Samples go in batches: first each sample's Jacobian row is written as 16 lanes (the 14 entries, the residual, a zero),
/// then for every 4-lane chunk of that row up to eight accumulators (one per row r ≤ the chunk's last column, plus the
/// residual) run over the batch in registers, sharing one load of the chunk. Every accumulated value still receives the
/// same products, added in the same sample order, as a scalar loop gives it (multiply, then add: never fused), so the
/// results are bit for bit those of the scalar sums. Vector256 is a hardware type on x64 (AVX); elsewhere .NET emulates it.
/// </summary>
internal sealed class NormalEquationsKernel(FixedSamples samples, MovingImage moving, float alpha, float beta, double[] q)
{
    public const int P = RegistrationState.ParameterCount;

    /// <summary>Accumulator [16·chunk + lane] = Σ j[lane]·j[4·chunk .. 4·chunk + 3]; lane 14 is the residual, lane 15 of chunk 3 the inside count.</summary>
    public const int Length = 4 * Lanes;

    private const int Lanes = 16;
    private const int ResidualLane = 14;
    private const int Batch = 64;

    /// <summary>(chunk, lanes) of each pass: rows whose upper triangle reaches into the chunk, and the residual; at most eight.</summary>
    private static readonly (int Chunk, int[] Lanes)[] Passes =
    [
        (0, [0, 1, 2, 3, ResidualLane]),
        (1, [0, 1, 2, 3, 4, 5, 6, 7]), (1, [ResidualLane]),
        (2, [0, 1, 2, 3, 4, 5, 6, 7]), (2, [8, 9, 10, 11, ResidualLane]),
        (3, [0, 1, 2, 3, 4, 5, 6, 7]), (3, [8, 9, 10, 11, 12, 13, ResidualLane]),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(int start, int end, Vector256<double>[] accumulators)
    {
        float[] xs = samples.X, ys = samples.Y, zs = samples.Z, fs = samples.Value;
        double q00 = q[0], q01 = q[1], q02 = q[2], q03 = q[3], q10 = q[4], q11 = q[5], q12 = q[6], q13 = q[7];
        double q20 = q[8], q21 = q[9], q22 = q[10], q23 = q[11];
        Span<Vector256<double>> rows = stackalloc Vector256<double>[Batch * 4];
        Vector128<float> minusAlpha = Vector128.Create(-alpha);
        double inside = 0;
        for (int first = start; first < end; first += Batch)
        {
            int count = Math.Min(Batch, end - first);
            for (int s = 0; s < count; s++)
            {
                int n = first + s;
                double x = xs[n], y = ys[n], z = zs[n];
                bool isInside = moving.Sample(
                    q00 * x + q01 * y + q02 * z + q03,
                    q10 * x + q11 * y + q12 * z + q13,
                    q20 * x + q21 * y + q22 * z + q23,
                    out Vector128<float> sample);
                float m = sample.ToScalar();
                double residual = fs[n] - (alpha * m + beta);

                // [−α·m, ax, ay, az] with ax = −α·gx in float, as the scalar form; the rows are those products times (x, y, z, 1).
                Vector128<float> scaled = minusAlpha * sample;
                Vector256<double> a = Vector256.Create(Vector128.WidenLower(scaled), Vector128.WidenUpper(scaled));
                Vector256<double> position = Vector256.Create(x, y, z, 1.0);
                rows[4 * s] = Vector256.Shuffle(a, Vector256.Create(1L, 1, 1, 2)) * Vector256.Shuffle(position, Vector256.Create(0L, 1, 2, 0));
                rows[4 * s + 1] = Vector256.Shuffle(a, Vector256.Create(2L, 2, 3, 3)) * Vector256.Shuffle(position, Vector256.Create(1L, 2, 0, 1));
                rows[4 * s + 2] = Vector256.Shuffle(a, Vector256.Create(3L, 1, 2, 3)) * Vector256.Shuffle(position, Vector256.Create(2L, 3, 3, 3));
                rows[4 * s + 3] = Vector256.Create(-m, -1, residual, 0);
                if (isInside)
                {
                    inside += 1;
                }
            }

            foreach ((int chunk, int[] lanes) in Passes)
            {
                AccumulatePass(rows[..(4 * count)], chunk, lanes, accumulators);
            }
        }

        ref double insideSum = ref Unsafe.As<Vector256<double>, double>(ref accumulators[3 * Lanes + 15]);
        insideSum += inside;
    }

    /// <summary>Unpacks the accumulators into the upper triangle (row-major, c ≥ r), the gradient, Σr² and the inside count.</summary>
    public static (double[] Triangle, double[] Gradient, double Cost, double Inside) Unpack(Vector256<double>[] accumulators)
    {
        ReadOnlySpan<double> flat = MemoryMarshal.Cast<Vector256<double>, double>(accumulators);
        var triangle = new double[P * (P + 1) / 2];
        var gradient = new double[P];
        int k = 0;
        for (int r = 0; r < P; r++)
        {
            for (int c = r; c < P; c++)
            {
                triangle[k++] = flat[Index(r, c)];
            }

            gradient[r] = flat[Index(ResidualLane, r)];
        }

        // The residual lane times the residual column (lane 2 of chunk 3) is Σr².
        return (triangle, gradient, flat[Index(ResidualLane, ResidualLane)], flat[Index(15, 12)]);
    }

    private static int Index(int lane, int column) => 4 * (Lanes * (column / 4) + lane) + column % 4;

    /// <summary>One chunk against up to eight lanes; fewer lanes repeat the last one, whose copies compute the same sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulatePass(ReadOnlySpan<Vector256<double>> rows, int chunk, int[] lanes, Vector256<double>[] accumulators)
    {
        ReadOnlySpan<double> j = MemoryMarshal.Cast<Vector256<double>, double>(rows);
        int last = lanes.Length - 1;
        int r0 = lanes[0], r1 = lanes[Math.Min(1, last)], r2 = lanes[Math.Min(2, last)], r3 = lanes[Math.Min(3, last)];
        int r4 = lanes[Math.Min(4, last)], r5 = lanes[Math.Min(5, last)], r6 = lanes[Math.Min(6, last)], r7 = lanes[Math.Min(7, last)];
        Span<Vector256<double>> acc = accumulators.AsSpan(Lanes * chunk, Lanes);
        Vector256<double> a0 = acc[r0], a1 = acc[r1], a2 = acc[r2], a3 = acc[r3], a4 = acc[r4], a5 = acc[r5], a6 = acc[r6], a7 = acc[r7];
        for (int s = 0, f = 0; 4 * s < rows.Length; s++, f += Lanes)
        {
            Vector256<double> v = rows[4 * s + chunk];
            a0 += Vector256.Create(j[f + r0]) * v;
            a1 += Vector256.Create(j[f + r1]) * v;
            a2 += Vector256.Create(j[f + r2]) * v;
            a3 += Vector256.Create(j[f + r3]) * v;
            a4 += Vector256.Create(j[f + r4]) * v;
            a5 += Vector256.Create(j[f + r5]) * v;
            a6 += Vector256.Create(j[f + r6]) * v;
            a7 += Vector256.Create(j[f + r7]) * v;
        }

        acc[r0] = a0;
        acc[r1] = a1;
        acc[r2] = a2;
        acc[r3] = a3;
        acc[r4] = a4;
        acc[r5] = a5;
        acc[r6] = a6;
        acc[r7] = a7;
    }
}
