using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// Current estimate: template point x maps to PET point A·(x − c) + d, and the template intensity is modelled as
/// α·PET + β (PET units and uptake level are unknown, so the intensity map is estimated alongside the geometry).
/// </summary>
internal sealed class RegistrationState
{
    public const int ParameterCount = 14;

    public RegistrationState(double[,] a, Point3 d, double alpha, double beta, Point3 centre)
    {
        A = a;
        D = d;
        Alpha = alpha;
        Beta = beta;
        Centre = centre;
    }

    public double[,] A { get; }

    public Point3 D { get; }

    public double Alpha { get; }

    public double Beta { get; }

    public Point3 Centre { get; }

    public Affine ToAffine()
    {
        Point3 ac = new(
            A[0, 0] * Centre.X + A[0, 1] * Centre.Y + A[0, 2] * Centre.Z,
            A[1, 0] * Centre.X + A[1, 1] * Centre.Y + A[1, 2] * Centre.Z,
            A[2, 0] * Centre.X + A[2, 1] * Centre.Y + A[2, 2] * Centre.Z);
        return Affine.FromLinear(A, D - ac);
    }

    public RegistrationState WithIntensity(double alpha, double beta) => new(A, D, alpha, beta, Centre);

    /// <summary>Full affine update: A += ΔA (row-major, 9), d += Δd (3), then α, β.</summary>
    public RegistrationState AddAffine(double[] delta)
    {
        var a = (double[,])A.Clone();
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                a[r, c] += delta[3 * r + c];
            }
        }

        return new RegistrationState(a, D + new Point3(delta[9], delta[10], delta[11]), Alpha + delta[12], Beta + delta[13], Centre);
    }

    /// <summary>Rigid update: A ← exp([ω]×)·A keeps A's shape and rotates it exactly; d += Δd; then α, β.</summary>
    public RegistrationState AddRigid(double[] delta)
    {
        double[,] r = RotationMatrix.FromRotationVector(new Point3(delta[0], delta[1], delta[2]));
        var a = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                a[i, j] = r[i, 0] * A[0, j] + r[i, 1] * A[1, j] + r[i, 2] * A[2, j];
            }
        }

        return new RegistrationState(a, D + new Point3(delta[3], delta[4], delta[5]), Alpha + delta[6], Beta + delta[7], Centre);
    }

    /// <summary>
    /// Columns map the 8 rigid parameters (ω, d, α, β) onto the 14 affine ones: ∂A/∂ω_k = [e_k]×·A.
    /// Projecting the full normal equations with it avoids a second Jacobian code path.
    /// </summary>
    public double[,] RigidProjection()
    {
        var p = new double[ParameterCount, 8];
        for (int k = 0; k < 3; k++)
        {
            double[,] skew = Skew(k);
            for (int r = 0; r < 3; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    p[3 * r + c, k] = skew[r, 0] * A[0, c] + skew[r, 1] * A[1, c] + skew[r, 2] * A[2, c];
                }
            }
        }

        for (int k = 0; k < 5; k++)
        {
            p[9 + k, 3 + k] = 1;
        }

        return p;
    }

    private static double[,] Skew(int axis) => axis switch
    {
        0 => new double[3, 3] { { 0, 0, 0 }, { 0, 0, -1 }, { 0, 1, 0 } },
        1 => new double[3, 3] { { 0, 0, 1 }, { 0, 0, 0 }, { -1, 0, 0 } },
        _ => new double[3, 3] { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 0 } },
    };
}
