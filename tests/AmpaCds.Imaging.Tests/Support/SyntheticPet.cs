using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Support;

/// <summary>
/// Simulated [11C]K-2 scans: a subject painted on the atlas with its own regional values, blurred to PET resolution,
/// placed in a scanner grid under a known template → scanner transform, with Gaussian noise.
/// </summary>
internal static class SyntheticPet
{
    /// <summary>Centre of the scanner field of view in DICOM patient coordinates (a typical table position).</summary>
    public static readonly Point3 ScannerCentre = new(0, -20, 40);

    public static VolumeGeometry ScannerGrid(int slices = 81, double sliceSpacing = 2.2, double pixelSpacing = 2.6) =>
        VolumeGeometry.Centred(128, 128, slices, new Point3(pixelSpacing, pixelSpacing, sliceSpacing), ScannerCentre);

    /// <summary>Template → scanner world: the head sits at the scanner centre, displaced and rotated by the given amounts.</summary>
    public static Affine TemplateToScanner(double tx, double ty, double tz, double rx, double ry, double rz) =>
        Affine.Translation(ScannerCentre) * Affine.FromRigid(tx, ty, tz, rx, ry, rz, Point3.Zero);

    public static Volume Scan(BrainAtlas atlas, Affine templateToScanner, VolumeGeometry scanner, int seed, double noiseFraction = 0.1, double fwhmMm = 6)
    {
        Dictionary<string, double> values = RegionValues.Subject(seed, scale: 1.7);
        Volume blurred = GaussianFilter.Smooth(atlas.Paint(values), fwhmMm);
        Volume scan = Resampler.Resample(blurred, templateToScanner.Inverse(), scanner);
        var random = new Random(seed);
        double sigma = noiseFraction * 1.7 * 2.0;
        for (int i = 0; i < scan.Data.Length; i++)
        {
            scan.Data[i] += (float)(sigma * Gaussian(random));
        }

        return scan;
    }

    public static Volume NoiseOnly(VolumeGeometry scanner, int seed)
    {
        var random = new Random(seed);
        var data = new float[scanner.VoxelCount];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)(2 + Gaussian(random));
        }

        return new Volume(scanner, data);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
