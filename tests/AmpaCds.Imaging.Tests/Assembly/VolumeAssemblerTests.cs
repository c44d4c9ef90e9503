using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Tests.Support;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Assembly;

public sealed class VolumeAssemblerTests
{
    [Fact]
    public void ShuffledAxialSlicesAreOrderedByPositionAndGetTheRightAffine()
    {
        List<SliceImage> slices = SliceFactory.Shuffle(SliceFactory.Axial(), seed: 7);

        Volume volume = VolumeAssembler.Assemble(slices);

        Assert.Equal((5, 4, 6), (volume.Nx, volume.Ny, volume.Nz));
        for (int k = 0; k < 6; k++)
        {
            Assert.Equal(SliceFactory.Encode(3, 2, k), volume[3, 2, k]);
        }

        // x follows columns (ColumnSpacing 2.5), y follows rows (RowSpacing 2.0), z the slice step.
        AssertClose(new Point3(-100, -80, -40), volume.VoxelToWorld.Apply(new Point3(0, 0, 0)));
        AssertClose(new Point3(-100 + 2.5, -80, -40), volume.VoxelToWorld.Apply(new Point3(1, 0, 0)));
        AssertClose(new Point3(-100, -80 + 2.0, -40), volume.VoxelToWorld.Apply(new Point3(0, 1, 0)));
        AssertClose(new Point3(-100, -80, -40 + 3.27 * 5), volume.VoxelToWorld.Apply(new Point3(0, 0, 5)));
        Assert.Equal(2.5 * 2.0 * 3.27 / 1000, volume.VoxelVolumeMl, 9);
    }

    [Fact]
    public void InstanceNumbersThatContradictPositionsAreIgnored()
    {
        // The factory numbers instances in reverse order of position; the volume must still ascend along the normal.
        Volume volume = VolumeAssembler.Assemble(SliceFactory.Axial());

        Assert.Equal(SliceFactory.Encode(0, 0, 0), volume[0, 0, 0]);
        Assert.True(volume.VoxelToWorld.LinearColumn(2).Z > 0);
    }

    [Fact]
    public void ObliqueSlicesMapEachPixelCentreToItsWorldPosition()
    {
        double c = Math.Cos(0.3), s = Math.Sin(0.3);
        var rowDirection = new Point3(c, s, 0);
        var columnDirection = new Point3(0, 0, -1);
        var first = new Point3(12, -7, 30);
        List<SliceImage> slices = SliceFactory.Shuffle(SliceFactory.Stack(4, 5, 5, first, rowDirection, columnDirection, 1.5, 2.0, 4.0), seed: 3);

        Volume volume = VolumeAssembler.Assemble(slices);

        Point3 normal = rowDirection.Cross(columnDirection);
        Point3 expected = first + rowDirection * (3 * 2.0) + columnDirection * (2 * 1.5) + normal * (4 * 4.0);
        AssertClose(expected, volume.VoxelToWorld.Apply(new Point3(3, 2, 4)));
        Assert.Equal(SliceFactory.Encode(3, 2, 4), volume[3, 2, 4]);
    }

    [Fact]
    public void MissingSliceIsRejected()
    {
        List<SliceImage> slices = SliceFactory.Axial(count: 8);
        slices.RemoveAt(4);

        var error = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(SliceFactory.Shuffle(slices, 1)));

        Assert.Equal(VolumeAssemblyFailure.MissingSlice, error.Reason);
    }

    [Fact]
    public void DuplicatePositionIsRejected()
    {
        List<SliceImage> slices = SliceFactory.Axial();
        slices.Add(slices[2] with { SopInstanceUid = "duplicate" });

        var error = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(slices));

        Assert.Equal(VolumeAssemblyFailure.DuplicateSlicePosition, error.Reason);
    }

    [Fact]
    public void IrregularGapIsRejectedAsNonUniform()
    {
        List<SliceImage> slices = SliceFactory.Axial();
        slices[5] = slices[5] with { ImagePositionPatient = slices[5].ImagePositionPatient + new Point3(0, 0, 1.0) };

        var error = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(slices));

        Assert.Equal(VolumeAssemblyFailure.NonUniformSliceSpacing, error.Reason);
    }

    [Fact]
    public void SmallRoundingInPositionsIsTolerated()
    {
        List<SliceImage> slices = SliceFactory.Axial();
        slices[3] = slices[3] with { ImagePositionPatient = slices[3].ImagePositionPatient + new Point3(0.004, 0, 0.005) };

        Volume volume = VolumeAssembler.Assemble(slices);

        Assert.Equal(6, volume.Nz);
    }

    [Fact]
    public void GantryTiltIsRejected()
    {
        // Tilted acquisition: the planes are tilted but successive positions step straight along z.
        double tilt = 15 * Math.PI / 180;
        var rowDirection = new Point3(1, 0, 0);
        var columnDirection = new Point3(0, Math.Cos(tilt), -Math.Sin(tilt));
        List<SliceImage> slices = SliceFactory.Stack(4, 5, 5, new Point3(0, 0, 0), rowDirection, columnDirection, 2, 2, 3);
        for (int s = 0; s < slices.Count; s++)
        {
            slices[s] = slices[s] with { ImagePositionPatient = new Point3(0, 0, 3.0 * s) };
        }

        var error = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(slices));

        Assert.Equal(VolumeAssemblyFailure.GantryTilt, error.Reason);
    }

    [Fact]
    public void SlicesOfDifferentSizeAreRejected()
    {
        List<SliceImage> slices = SliceFactory.Axial();
        slices[1] = slices[1] with { Rows = 3, Values = new float[15] };

        var error = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(slices));

        Assert.Equal(VolumeAssemblyFailure.InconsistentSliceSize, error.Reason);
    }

    [Fact]
    public void DifferentOrientationIsRejected()
    {
        List<SliceImage> slices = SliceFactory.Axial();
        slices[4] = slices[4] with { ImageOrientationPatient = [0, 1, 0, 1, 0, 0] };

        var error = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(slices));

        Assert.Equal(VolumeAssemblyFailure.InconsistentOrientation, error.Reason);
    }

    [Fact]
    public void DifferentPixelSpacingIsRejected()
    {
        List<SliceImage> slices = SliceFactory.Axial();
        slices[2] = slices[2] with { RowSpacing = 2.2 };

        var error = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(slices));

        Assert.Equal(VolumeAssemblyFailure.InconsistentPixelSpacing, error.Reason);
    }

    [Fact]
    public void EmptyOrSingleSliceInputIsRejected()
    {
        Assert.Equal(VolumeAssemblyFailure.NoSlices, Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble([])).Reason);
        Assert.Equal(VolumeAssemblyFailure.TooFewSlices, Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.Assemble(SliceFactory.Axial(count: 1))).Reason);
    }

    private static void AssertClose(Point3 expected, Point3 actual, double tolerance = 1e-9) =>
        Assert.True(expected.DistanceTo(actual) < tolerance, $"expected {expected}, got {actual}");
}
