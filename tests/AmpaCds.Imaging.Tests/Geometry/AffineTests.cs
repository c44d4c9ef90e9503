using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Geometry;

public sealed class AffineTests
{
    [Fact]
    public void RigidRotationAboutCentreKeepsTheCentreFixedAndRotatesRightHanded()
    {
        var centre = new Point3(10, 20, 30);
        Affine rz90 = Affine.FromRigid(0, 0, 0, 0, 0, 90, centre);

        Assert.True(rz90.Apply(centre).DistanceTo(centre) < 1e-12);
        // +90° about z takes +x to +y.
        Assert.True(rz90.Apply(centre + new Point3(1, 0, 0)).DistanceTo(centre + new Point3(0, 1, 0)) < 1e-12);
        Assert.Equal(90, RotationMatrix.AngleDegrees(rz90), 9);
    }

    [Fact]
    public void InverseUndoesAGeneralAffine()
    {
        Affine a = Affine.FromRowMajor([1.1, 0.2, -0.1, 5, 0.05, 0.9, 0.3, -7, -0.2, 0.1, 1.3, 11, 0, 0, 0, 1]);
        var p = new Point3(3, -4, 8);

        Point3 back = a.Inverse().Apply(a.Apply(p));

        Assert.True(back.DistanceTo(p) < 1e-12);
        Assert.True((a * a.Inverse()).ApproximatelyEquals(Affine.Identity, 1e-12));
    }

    [Fact]
    public void MultiplyAppliesTheRightOperandFirst()
    {
        Affine translate = Affine.Translation(new Point3(10, 0, 0));
        Affine scale = Affine.Scaling(2, 2, 2);

        Point3 p = (scale * translate).Apply(new Point3(1, 0, 0));

        Assert.Equal(new Point3(22, 0, 0), p);
        Assert.Equal(new Point3(2, 0, 0), (scale * translate).ApplyVector(new Point3(1, 0, 0)));
    }

    [Fact]
    public void RejectsAProjectiveLastRow()
    {
        Assert.Throws<ArgumentException>(() => Affine.FromRowMajor([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0.5, 1]));
    }

    [Fact]
    public void ToStringIsCultureInvariantRowMajor()
    {
        Assert.Equal("[[1, 0, 0, 2.5], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]", Affine.Translation(new Point3(2.5, 0, 0)).ToString());
    }
}
