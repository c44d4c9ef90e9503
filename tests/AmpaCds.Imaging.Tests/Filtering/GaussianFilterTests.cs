using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Filtering;

public sealed class GaussianFilterTests
{
    [Theory]
    [InlineData(1.0, 1.0, 1.0, 6.0)]
    [InlineData(2.0, 2.0, 3.0, 8.0)]
    [InlineData(2.6, 2.6, 2.0, 10.0)]
    public void PointSourceGetsTheRequestedFwhmAlongEveryAxis(double sx, double sy, double sz, double fwhm)
    {
        var geometry = VolumeGeometry.Centred(41, 43, 39, new Point3(sx, sy, sz), Point3.Zero);
        Volume point = Volume.Zeros(geometry);
        point[20, 21, 19] = 1000f;

        Volume smoothed = GaussianFilter.Smooth(point, fwhm);

        (double varX, double varY, double varZ) = SecondMomentsMm(smoothed, 20, 21, 19);
        Assert.InRange(Math.Sqrt(varX) * GaussianFilter.FwhmPerSigma, fwhm * 0.95, fwhm * 1.05);
        Assert.InRange(Math.Sqrt(varY) * GaussianFilter.FwhmPerSigma, fwhm * 0.95, fwhm * 1.05);
        Assert.InRange(Math.Sqrt(varZ) * GaussianFilter.FwhmPerSigma, fwhm * 0.95, fwhm * 1.05);
        Assert.Equal(1000.0, smoothed.Sum(), 1);
    }

    [Fact]
    public void UniformImageStaysUniformUpToTheBorders()
    {
        var geometry = VolumeGeometry.Centred(12, 10, 8, new Point3(2, 2, 2), Point3.Zero);
        var volume = new Volume(geometry, Enumerable.Repeat(5f, geometry.VoxelCount).ToArray());

        Volume smoothed = GaussianFilter.Smooth(volume, 9);

        Assert.All(smoothed.Data, value => Assert.Equal(5f, value, 4));
    }

    [Fact]
    public void ZeroFwhmReturnsAnEqualCopy()
    {
        var geometry = VolumeGeometry.Centred(4, 4, 4, new Point3(2, 2, 2), Point3.Zero);
        var volume = new Volume(geometry, Enumerable.Range(0, 64).Select(i => (float)i).ToArray());

        Volume smoothed = GaussianFilter.Smooth(volume, 0);

        Assert.NotSame(volume.Data, smoothed.Data);
        Assert.Equal(volume.Data, smoothed.Data);
    }

    private static (double X, double Y, double Z) SecondMomentsMm(Volume v, int ci, int cj, int ck)
    {
        Point3 s = v.Spacing;
        double total = 0, xx = 0, yy = 0, zz = 0;
        for (int k = 0; k < v.Nz; k++)
        {
            for (int j = 0; j < v.Ny; j++)
            {
                for (int i = 0; i < v.Nx; i++)
                {
                    double w = v[i, j, k];
                    total += w;
                    xx += w * Math.Pow((i - ci) * s.X, 2);
                    yy += w * Math.Pow((j - cj) * s.Y, 2);
                    zz += w * Math.Pow((k - ck) * s.Z, 2);
                }
            }
        }

        return (xx / total, yy / total, zz / total);
    }
}
