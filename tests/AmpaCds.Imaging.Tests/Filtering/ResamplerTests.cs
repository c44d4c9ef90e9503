using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Filtering;

public sealed class ResamplerTests
{
    [Fact]
    public void LinearRampIsReproducedExactlyUnderARigidTransform()
    {
        // Trilinear interpolation is exact for a linear function, so any mismatch is a geometry error.
        var sourceGeometry = VolumeGeometry.Centred(40, 40, 40, new Point3(2, 2, 2), Point3.Zero);
        Volume source = Volume.Zeros(sourceGeometry);
        for (int k = 0; k < 40; k++)
        {
            for (int j = 0; j < 40; j++)
            {
                for (int i = 0; i < 40; i++)
                {
                    Point3 w = sourceGeometry.VoxelCentre(i, j, k);
                    source[i, j, k] = (float)Ramp(w);
                }
            }
        }

        Affine targetToSource = Affine.FromRigid(3, -2, 1.5, 10, -5, 7, new Point3(1, 2, 3));
        var target = VolumeGeometry.Centred(20, 18, 16, new Point3(2.5, 2.5, 3), new Point3(0, 0, 0));

        Volume resampled = Resampler.Resample(source, targetToSource, target, outsideValue: float.NaN);

        for (int k = 0; k < target.Nz; k++)
        {
            for (int j = 0; j < target.Ny; j++)
            {
                for (int i = 0; i < target.Nx; i++)
                {
                    double expected = Ramp(targetToSource.Apply(target.VoxelCentre(i, j, k)));
                    Assert.InRange(resampled[i, j, k], expected - 1e-3, expected + 1e-3);
                }
            }
        }
    }

    [Fact]
    public void PointsOutsideTheSourceGetTheOutsideValue()
    {
        var geometry = VolumeGeometry.Centred(4, 4, 4, new Point3(2, 2, 2), Point3.Zero);
        var source = new Volume(geometry, Enumerable.Repeat(1f, 64).ToArray());

        Volume shifted = Resampler.Resample(source, Affine.Translation(new Point3(100, 0, 0)), geometry, outsideValue: -1f);

        Assert.All(shifted.Data, value => Assert.Equal(-1f, value));
        Assert.True(double.IsNaN(source.Sample(new Point3(4.1, 0, 0))));
        Assert.Equal(1.0, source.Sample(new Point3(3.9, 0, 0)));
    }

    private static double Ramp(Point3 p) => 1.5 * p.X - 0.75 * p.Y + 0.5 * p.Z + 100;
}
