using System.Globalization;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Tests.Support;
using AmpaCds.Imaging;
using Xunit.Abstractions;

namespace AmpaCds.Imaging.Tests.Registration;

public sealed class AffineRegistrationTests(ITestOutputHelper output)
{
    private static readonly BrainAtlas Atlas = BuiltInAtlas.Create();
    private static readonly Volume Template = Atlas.Paint(RegionValues.Typical());

    // Prepared once, as a service would, so the printed times are per-study registration times.
    private static readonly RegistrationTemplate Prepared = new(Template);

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, 1)]
    [InlineData(20, -15, 10, 0, 0, 15, 2)]
    [InlineData(-10, 20, -5, 15, 0, 0, 3)]
    [InlineData(5, 5, 20, 0, -15, 0, 4)]
    [InlineData(-20, -10, 15, 10, -10, 8, 5)]
    [InlineData(12, -20, -12, -8, 12, -15, 6)]
    public void RecoversKnownRigidMisalignment(double tx, double ty, double tz, double rx, double ry, double rz, int seed)
    {
        Affine truth = SyntheticPet.TemplateToScanner(tx, ty, tz, rx, ry, rz);
        Volume scan = SyntheticPet.Scan(Atlas, truth, SyntheticPet.ScannerGrid(), seed);

        RegistrationResult result = AffineRegistration.Register(scan, Prepared);

        // Residual = truth⁻¹ ∘ recovered, a template → template map that is the identity when registration is exact.
        Affine residual = truth.Inverse() * result.TemplateToMoving;
        double displacement = MeanDisplacementOverBrain(residual);
        double rotation = RotationMatrix.AngleDegrees(residual);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case {seed}: displacement {displacement:F3} mm, rotation {rotation:F3}°, {result.QualityReason}, {result.Iterations} iterations, {result.Elapsed.TotalMilliseconds:F0} ms"));

        Assert.True(displacement < 1.0, $"mean displacement error {displacement:F3} mm");
        Assert.True(rotation < 1.0, $"rotation error {rotation:F3}°");
        Assert.True(result.Passed, result.QualityReason);
        Assert.True(result.Similarity >= RegistrationOptions.Default.MinimumSimilarity);
    }

    [Fact]
    public void NoiseOnlyImageFailsTheQualityRule()
    {
        Volume garbage = SyntheticPet.NoiseOnly(SyntheticPet.ScannerGrid(), seed: 11);

        RegistrationResult result = AffineRegistration.Register(garbage, Prepared);

        output.WriteLine($"noise only: {result.QualityReason}, {result.Elapsed.TotalMilliseconds:F0} ms");
        Assert.False(result.Passed);
        Assert.True(result.Similarity < 0.5);
        Assert.StartsWith("failed:", result.QualityReason, StringComparison.Ordinal);
    }

    [Fact]
    public void RecoversAnisotropicScalingAndAppliesTheScaleLimits()
    {
        // A larger head than the template: 12 % wider, 5 % longer, 8 % shorter, plus a rotation.
        Affine truth = SyntheticPet.TemplateToScanner(8, -6, 4, 0, 6, -5) * Affine.Scaling(1.12, 1.05, 0.92);
        Volume scan = SyntheticPet.Scan(Atlas, truth, SyntheticPet.ScannerGrid(), seed: 21);

        RegistrationResult result = AffineRegistration.Register(scan, Prepared);
        RegistrationResult strict = AffineRegistration.Register(scan, new RegistrationTemplate(Template, RegistrationOptions.Default with { MaximumScale = 1.1 }));

        output.WriteLine($"scaled: {result.QualityReason}; strict: {strict.QualityReason}");
        Assert.True(result.Passed, result.QualityReason);
        Assert.Equal(1.12, result.Scales.X, 0.02);
        Assert.Equal(1.05, result.Scales.Y, 0.02);
        Assert.Equal(0.92, result.Scales.Z, 0.02);
        Assert.True(MeanDisplacementOverBrain(truth.Inverse() * result.TemplateToMoving) < 1.0);
        Assert.False(strict.Passed);
        Assert.Contains("scale 1.1", strict.QualityReason, StringComparison.Ordinal);
    }

    private static double MeanDisplacementOverBrain(Affine residual)
    {
        VolumeGeometry grid = Atlas.Geometry;
        double sum = 0;
        long count = 0;
        for (int k = 0; k < grid.Nz; k++)
        {
            for (int j = 0; j < grid.Ny; j++)
            {
                for (int i = 0; i < grid.Nx; i++)
                {
                    if (Atlas.Labels[grid.Index(i, j, k)] > 0)
                    {
                        Point3 p = grid.VoxelCentre(i, j, k);
                        sum += residual.Apply(p).DistanceTo(p);
                        count++;
                    }
                }
            }
        }

        return sum / count;
    }
}
