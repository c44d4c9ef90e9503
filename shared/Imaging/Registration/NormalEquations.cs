using System.Runtime.CompilerServices;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// Gauss-Newton normal equations of the residuals r_i = F_i − (α·M(T(x_i)) + β) over the fixed samples,
/// with the analytic Jacobian of the 14 parameters (9 for A, 3 for d, α, β).
/// Cost and gradient are per sample (divided by the sample count) so levels are comparable.
/// </summary>
internal sealed record NormalEquations(double Cost, double[,] Hessian, double[] Gradient, double InsideFraction)
{
    private const int P = RegistrationState.ParameterCount;
    private const int Triangle = P * (P + 1) / 2;
    private const int BlockSize = 8192;
    private const int Accumulators = Triangle + P + 2;

    public static NormalEquations Evaluate(FixedSamples samples, MovingImage moving, RegistrationState state)
    {
        // Fold template-relative position → PET voxel into one 3x4 matrix: v = Q·(x − c) + q.
        Affine w2v = moving.Geometry.WorldToVoxel;
        double[,] a = state.A;
        var q = new double[3, 3];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                q[r, c] = w2v[r, 0] * a[0, c] + w2v[r, 1] * a[1, c] + w2v[r, 2] * a[2, c];
            }
        }

        Point3 q0 = w2v.Apply(state.D);
        var kernel = new Kernel(
            samples, moving, (float)state.Alpha, (float)state.Beta,
            [q[0, 0], q[0, 1], q[0, 2], q0.X, q[1, 0], q[1, 1], q[1, 2], q0.Y, q[2, 0], q[2, 1], q[2, 2], q0.Z]);
        var total = new double[Accumulators];
        int blocks = (samples.Count + BlockSize - 1) / BlockSize;
        if (blocks <= 2)
        {
            // Small levels: waking worker threads costs more than the work itself.
            kernel.Accumulate(0, samples.Count, total);
        }
        else
        {
            var gate = new object();
            Parallel.For(0, blocks, () => new double[Accumulators], (block, _, acc) =>
            {
                kernel.Accumulate(block * BlockSize, Math.Min(samples.Count, (block + 1) * BlockSize), acc);
                return acc;
            }, acc =>
            {
                lock (gate)
                {
                    for (int i = 0; i < acc.Length; i++)
                    {
                        total[i] += acc[i];
                    }
                }
            });
        }

        double scale = 1.0 / Math.Max(1, samples.Count);
        var hessian = new double[P, P];
        var gradient = new double[P];
        int k = 0;
        for (int r = 0; r < P; r++)
        {
            for (int c = r; c < P; c++)
            {
                hessian[r, c] = hessian[c, r] = total[k++] * scale;
            }

            gradient[r] = total[Triangle + r] * scale;
        }

        return new NormalEquations(total[Triangle + P] * scale, hessian, gradient, total[Triangle + P + 1] * scale);
    }

    /// <summary>The per-sample work, separated so the hot loop works on locals only.</summary>
    private sealed class Kernel(FixedSamples samples, MovingImage moving, float alpha, float beta, double[] q)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Accumulate(int start, int end, double[] acc)
        {
            float[] xs = samples.X, ys = samples.Y, zs = samples.Z, fs = samples.Value;
            double q00 = q[0], q01 = q[1], q02 = q[2], q03 = q[3], q10 = q[4], q11 = q[5], q12 = q[6], q13 = q[7];
            double q20 = q[8], q21 = q[9], q22 = q[10], q23 = q[11];
            Span<double> j = stackalloc double[P];
            for (int n = start; n < end; n++)
            {
                double x = xs[n], y = ys[n], z = zs[n];
                bool inside = moving.Sample(
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
                    double jr = j[r];
                    for (int c = r; c < P; c++)
                    {
                        acc[t++] += jr * j[c];
                    }

                    acc[Triangle + r] += jr * residual;
                }

                acc[Triangle + P] += residual * residual;
                if (inside)
                {
                    acc[Triangle + P + 1] += 1;
                }
            }
        }
    }
}
