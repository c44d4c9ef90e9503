using System.Buffers.Binary;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Nifti;

public sealed class NiftiRoundTripTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FloatImageRoundTripsValuesAndObliqueGeometry(bool gzip)
    {
        Volume original = ObliqueVolume();

        Volume read = NiftiReader.Read(NiftiWriter.Encode(original, gzip));

        Assert.Equal(original.Data, read.Data);
        Assert.True(original.VoxelToWorld.ApproximatelyEquals(read.VoxelToWorld, 1e-4), read.VoxelToWorld.ToString());
    }

    [Fact]
    public void StoresRasSoLeftPosteriorBecomeNegative()
    {
        // One voxel step along x goes 2 mm to the patient's left (+x in LPS) and must be −2 mm in RAS.
        var geometry = new VolumeGeometry(2, 2, 2, Affine.FromColumns(new(2, 0, 0), new(0, 3, 0), new(0, 0, 4), new(10, 20, 30)));

        byte[] bytes = NiftiWriter.Encode(Volume.Zeros(geometry), gzip: false);

        Assert.Equal(-2f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(280)));
        Assert.Equal(-10f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(280 + 12)));
        Assert.Equal(-3f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(296 + 4)));
        Assert.Equal(-20f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(296 + 12)));
        Assert.Equal(30f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(312 + 12)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void QformAloneGivesTheSameGeometryAsTheSform(bool leftHanded)
    {
        Volume original = ObliqueVolume();
        if (leftHanded)
        {
            // Slices stacked against the normal (determinant < 0): the quaternion needs qfac = −1.
            original = new Volume(new VolumeGeometry(6, 5, 4, original.VoxelToWorld * Affine.Scaling(1, 1, -1)), original.Data);
        }

        byte[] bytes = NiftiWriter.Encode(original, gzip: false);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(254), 0); // sform_code = 0: readers must use the quaternion

        Volume read = NiftiReader.Read(bytes);

        Assert.True(original.VoxelToWorld.ApproximatelyEquals(read.VoxelToWorld, 1e-4), read.VoxelToWorld.ToString());
    }

    [Fact]
    public void AtlasLabelsRoundTripThroughAFileIntoAnEqualAtlas()
    {
        BrainAtlas atlas = BuiltInAtlas.Create();
        string path = Path.Combine(Path.GetTempPath(), $"atlas-{Guid.NewGuid():N}.nii.gz");
        try
        {
            File.WriteAllBytes(path, NiftiWriter.EncodeLabels(atlas.Geometry, atlas.Labels, gzip: true));

            BrainAtlas loaded = BrainAtlas.FromLabelImage(NiftiReader.Read(path), atlas.Regions, "site-test");

            Assert.Equal(atlas.Labels, loaded.Labels);
            Assert.True(atlas.Geometry.SameGridAs(loaded.Geometry, 1e-4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ScalingAndRejection()
    {
        byte[] bytes = NiftiWriter.Encode(ObliqueVolume(), gzip: false);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(112), 2f);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(116), 1f);

        Volume scaled = NiftiReader.Read(bytes);

        Assert.Equal(ObliqueVolume().Data[5] * 2 + 1, scaled.Data[5]);
        Assert.Throws<NiftiFormatException>(() => NiftiReader.Read(new byte[400]));
        Assert.Throws<ArgumentException>(() => BrainAtlas.FromLabelImage(scaled, BuiltInAtlas.Create().Regions, "bad"));
    }

    private static Volume ObliqueVolume()
    {
        Affine voxelToWorld = Affine.FromRigid(0, 0, 0, 12, -7, 25, Point3.Zero) * Affine.FromColumns(new(2.5, 0, 0), new(0, 2.5, 0), new(0, 0, 3.27), new(-120, 95, -60));
        var geometry = new VolumeGeometry(6, 5, 4, voxelToWorld);
        var data = new float[geometry.VoxelCount];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = i * 0.37f - 3;
        }

        return new Volume(geometry, data);
    }
}
