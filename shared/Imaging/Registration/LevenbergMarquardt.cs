namespace AmpaCds.Imaging.Registration;

/// <summary>
/// One optimisation stage (rigid or affine) on one pyramid level. Marquardt's diagonal damping copes with the very
/// different magnitudes of the parameters (matrix entries vs millimetres vs intensity gain).
/// </summary>
internal static class LevenbergMarquardt
{
    private const double InitialDamping = 1e-3;
    private const double MaximumDamping = 1e8;

    public static RegistrationState Optimise(
        FixedSamples samples, MovingImage moving, RegistrationState start, bool rigid, RegistrationOptions options, ref int iterations)
    {
        RegistrationState state = start;
        NormalEquations current = NormalEquations.Evaluate(samples, moving, state);
        double damping = InitialDamping;
        for (int iteration = 0; iteration < options.MaxIterationsPerStage; iteration++)
        {
            double[,]? projection = rigid ? state.RigidProjection() : null;
            (double[,] h, double[] g) = Reduce(current, projection);
            if (!TryStep(h, g, damping, out double[] step))
            {
                break;
            }

            RegistrationState candidate = rigid ? state.AddRigid(step) : state.AddAffine(step);
            NormalEquations next = NormalEquations.Evaluate(samples, moving, candidate);
            iterations++;
            if (next.Cost < current.Cost)
            {
                double improvement = (current.Cost - next.Cost) / Math.Max(current.Cost, 1e-30);
                state = candidate;
                current = next;
                damping = Math.Max(damping / 4, 1e-7);
                if (improvement < options.RelativeCostTolerance)
                {
                    break;
                }
            }
            else
            {
                damping *= 8;
                if (damping > MaximumDamping)
                {
                    break;
                }
            }
        }

        return state;
    }

    /// <summary>H_p = Pᵀ·H·P and g_p = Pᵀ·g; no projection means all 14 parameters.</summary>
    private static (double[,] H, double[] G) Reduce(NormalEquations equations, double[,]? projection)
    {
        if (projection is null)
        {
            return (equations.Hessian, equations.Gradient);
        }

        int full = projection.GetLength(0), reduced = projection.GetLength(1);
        var hp = new double[full, reduced];
        for (int r = 0; r < full; r++)
        {
            for (int c = 0; c < reduced; c++)
            {
                double sum = 0;
                for (int k = 0; k < full; k++)
                {
                    sum += equations.Hessian[r, k] * projection[k, c];
                }

                hp[r, c] = sum;
            }
        }

        var h = new double[reduced, reduced];
        var g = new double[reduced];
        for (int r = 0; r < reduced; r++)
        {
            for (int c = 0; c < reduced; c++)
            {
                double sum = 0;
                for (int k = 0; k < full; k++)
                {
                    sum += projection[k, r] * hp[k, c];
                }

                h[r, c] = sum;
            }

            for (int k = 0; k < full; k++)
            {
                g[r] += projection[k, r] * equations.Gradient[k];
            }
        }

        return (h, g);
    }

    /// <summary>Solves (H + λ·diag(H))·Δ = −g.</summary>
    private static bool TryStep(double[,] h, double[] g, double damping, out double[] step)
    {
        int n = g.Length;
        var damped = (double[,])h.Clone();
        var rhs = new double[n];
        for (int i = 0; i < n; i++)
        {
            damped[i, i] += damping * Math.Max(h[i, i], 1e-12);
            rhs[i] = -g[i];
        }

        return LinearSolver.TrySolve(damped, rhs, out step);
    }
}
