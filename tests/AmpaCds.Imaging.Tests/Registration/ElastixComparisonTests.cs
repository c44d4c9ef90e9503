using System.Globalization;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Tests.Support;
using AmpaCds.Imaging;
using Xunit.Abstractions;

namespace AmpaCds.Imaging.Tests.Registration;

/// <summary>
/// Our affine registration against Debian's elastix on the same simulated pairs, in the same run:
/// both must find the known misalignment, and ours must be at least as accurate. Times are printed
/// (not asserted; the benchmark and docs/QUANTIFICATION.md hold the speed figures).
/// </summary>
public sealed class ElastixComparisonTests(ITestOutputHelper output) : IDisposable
{
    private static readonly BrainAtlas Atlas = BuiltInAtlas.Create();
    private static readonly Volume Template = Atlas.Paint(RegionValues.Typical());
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ampacds-elastix-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void OursRecoversKnownMisalignmentsAtLeastAsAccuratelyAsElastix()
    {
        (double Tx, double Ty, double Tz, double Rx, double Ry, double Rz, int Seed)[] cases =
        [
            (-20, -10, 15, 10, -10, 8, 5),
            (12, -20, -12, -8, 12, -15, 6),
        ];
        var prepared = new RegistrationTemplate(Template);
        // elastix gets the template at PET-like resolution, as our registration uses it internally.
        var fixedForElastix = GaussianFilter.Smooth(Template, 6);
        double oursTotal = 0, elastixTotal = 0;
        foreach (var c in cases)
        {
            Affine truth = SyntheticPet.TemplateToScanner(c.Tx, c.Ty, c.Tz, c.Rx, c.Ry, c.Rz);
            Volume scan = SyntheticPet.Scan(Atlas, truth, SyntheticPet.ScannerGrid(), c.Seed);

            RegistrationResult ours = AffineRegistration.Register(scan, prepared);
            ElastixAffine.Result elastix = ElastixAffine.Register(scan, fixedForElastix, Path.Combine(_root, $"case{c.Seed}"));

            double oursMm = RegistrationError.MeanDisplacementMm(Atlas, truth, ours.TemplateToMoving);
            double elastixMm = RegistrationError.MeanDisplacementMm(Atlas, truth, elastix.FixedToMoving);
            double oursDeg = RegistrationError.RotationDegrees(truth, ours.TemplateToMoving);
            double elastixDeg = RegistrationError.RotationDegrees(truth, elastix.FixedToMoving);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"case {c.Seed}: ours {oursMm:F2} mm / {oursDeg:F2}° in {ours.Elapsed.TotalSeconds:F2} s; elastix {elastixMm:F2} mm / {elastixDeg:F2}° in {elastix.Elapsed.TotalSeconds:F2} s"));

            Assert.True(oursMm < 1.0 && oursDeg < 1.0, $"ours {oursMm:F2} mm / {oursDeg:F2}°");
            // elastix landing near the truth proves the comparison itself is sound (RAS/LPS, fixed → moving).
            Assert.True(elastixMm < 3.0 && elastixDeg < 3.0, $"elastix {elastixMm:F2} mm / {elastixDeg:F2}°");
            oursTotal += oursMm;
            elastixTotal += elastixMm;
        }
        Assert.True(oursTotal <= elastixTotal, $"ours mean {oursTotal / cases.Length:F2} mm vs elastix {elastixTotal / cases.Length:F2} mm");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
