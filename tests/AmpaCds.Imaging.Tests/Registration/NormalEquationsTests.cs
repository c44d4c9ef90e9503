using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Tests.Support;

namespace AmpaCds.Imaging.Tests.Registration;

/// <summary>
/// The batched, vectorised accumulation of the normal equations against a plain per-sample sum of the same Jacobian,
/// on a level small enough for one block and on one that is split across parallel blocks.
/// </summary>
public sealed class NormalEquationsTests
{
    private static readonly BrainAtlas Atlas = BuiltInAtlas.Create();

    [Theory]
    [InlineData(8.0, false)]
    [InlineData(3.0, true)]
    public void BatchedSumsEqualAPlainSumOverTheSamples(double spacingMm, bool inParallelBlocks)
    {
        Volume template = GaussianFilter.Smooth(Atlas.Paint(RegionValues.Typical()), 6);
        Volume grid = AffineRegistration.Downsample(template, spacingMm);
        var samples = FixedSamples.FromImage(grid, 0.05f * grid.Max(), template.CentreOfMass());
        Assert.Equal(inParallelBlocks, samples.Count > 2 * 8192);
        Affine templateToScanner = SyntheticPet.TemplateToScanner(6, -4, 3, 5, -3, 8);
        var moving = new MovingImage(GaussianFilter.Smooth(SyntheticPet.Scan(Atlas, templateToScanner, SyntheticPet.ScannerGrid(), seed: 4), 4));
        var state = new RegistrationState(
            new double[3, 3] { { 1.02, 0.03, -0.01 }, { -0.02, 0.98, 0.04 }, { 0.01, -0.03, 1.01 } }, templateToScanner.Apply(samples.Centre) + new Point3(3, -2, 1), 1.3, 0.2, samples.Centre);

        NormalEquations equations = NormalEquations.Evaluate(samples, moving, state);
        (double[,] hessian, double[] gradient, double cost, double inside) = PlainSums(samples, moving, state);

        Assert.InRange(inside, 0.5, 1.0);
        Assert.Equal(inside, equations.InsideFraction, 12);
        Assert.Equal(cost, equations.Cost, cost * 1e-9);
        // Rounding bounds: |H_rc| ≤ sqrt(H_rr·H_cc) and |g_r| ≤ sqrt(H_rr·cost) (Cauchy-Schwarz), so entries that cancel get a fair scale.
        for (int r = 0; r < RegistrationState.ParameterCount; r++)
        {
            Assert.Equal(gradient[r], equations.Gradient[r], 1e-9 * Math.Sqrt(hessian[r, r] * cost));
            for (int c = 0; c < RegistrationState.ParameterCount; c++)
            {
                Assert.Equal(hessian[r, c], equations.Hessian[r, c], 1e-9 * Math.Sqrt(hessian[r, r] * hessian[c, c]));
            }
        }
    }

    /// <summary>J = ∂(α·M(T(x)) + β)/∂(A, d, α, β) negated, summed sample by sample; everything per sample as NormalEquations reports it.</summary>
    private static (double[,] Hessian, double[] Gradient, double Cost, double Inside) PlainSums(FixedSamples samples, MovingImage moving, RegistrationState state)
    {
        const int p = RegistrationState.ParameterCount;
        Affine toVoxel = moving.Geometry.WorldToVoxel * state.ToAffine();
        var hessian = new double[p, p];
        var gradient = new double[p];
        double cost = 0, inside = 0;
        float alpha = (float)state.Alpha, beta = (float)state.Beta;
        for (int n = 0; n < samples.Count; n++)
        {
            double x = samples.X[n], y = samples.Y[n], z = samples.Z[n];
            Point3 v = toVoxel.Apply(new Point3(x, y, z) + samples.Centre);
            inside += moving.Sample(v.X, v.Y, v.Z, out float m, out float gx, out float gy, out float gz) ? 1 : 0;
            double residual = samples.Value[n] - (alpha * m + beta);
            double ax = -alpha * gx, ay = -alpha * gy, az = -alpha * gz;
            double[] j = [ax * x, ax * y, ax * z, ay * x, ay * y, ay * z, az * x, az * y, az * z, ax, ay, az, -m, -1];
            for (int r = 0; r < p; r++)
            {
                for (int c = 0; c < p; c++)
                {
                    hessian[r, c] += j[r] * j[c] / samples.Count;
                }

                gradient[r] += j[r] * residual / samples.Count;
            }

            cost += residual * residual / samples.Count;
        }

        return (hessian, gradient, cost, inside / samples.Count);
    }
}
