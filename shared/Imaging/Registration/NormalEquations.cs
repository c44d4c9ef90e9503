using System.Runtime.Intrinsics;
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
    private const int BlockSize = 8192;

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
        var kernel = new NormalEquationsKernel(
            samples, moving, (float)state.Alpha, (float)state.Beta,
            [q[0, 0], q[0, 1], q[0, 2], q0.X, q[1, 0], q[1, 1], q[1, 2], q0.Y, q[2, 0], q[2, 1], q[2, 2], q0.Z]);
        var total = new Vector256<double>[NormalEquationsKernel.Length];
        int blocks = (samples.Count + BlockSize - 1) / BlockSize;
        if (blocks <= 2)
        {
            // Small levels: waking worker threads costs more than the work itself.
            kernel.Accumulate(0, samples.Count, total);
        }
        else
        {
            // One partial sum per block, added in block order: the result does not depend on which thread ran which block.
            var partials = new Vector256<double>[blocks][];
            Parallel.For(0, blocks, block =>
            {
                partials[block] = new Vector256<double>[NormalEquationsKernel.Length];
                kernel.Accumulate(block * BlockSize, Math.Min(samples.Count, (block + 1) * BlockSize), partials[block]);
            });
            foreach (Vector256<double>[] partial in partials)
            {
                for (int i = 0; i < total.Length; i++)
                {
                    total[i] += partial[i];
                }
            }
        }

        (double[] triangle, double[] sums, double cost, double inside) = NormalEquationsKernel.Unpack(total);
        double scale = 1.0 / Math.Max(1, samples.Count);
        var hessian = new double[P, P];
        var gradient = new double[P];
        int k = 0;
        for (int r = 0; r < P; r++)
        {
            for (int c = r; c < P; c++)
            {
                hessian[r, c] = hessian[c, r] = triangle[k++] * scale;
            }

            gradient[r] = sums[r] * scale;
        }

        return new NormalEquations(cost * scale, hessian, gradient, inside * scale);
    }
}
