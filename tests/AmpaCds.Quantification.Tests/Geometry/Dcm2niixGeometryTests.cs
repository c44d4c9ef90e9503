using System.Diagnostics;
using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Quantification.Tests.Geometry;

/// <summary>
/// The volume we assemble from a series against the NIfTI Debian's dcm2niix writes for the same files.
/// dcm2niix flips rows and may reorder slices, so the comparison is made in world coordinates: every
/// dcm2niix voxel centre must land exactly on one of our voxel centres and carry the same value.
/// </summary>
public sealed class Dcm2niixGeometryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ampacds-d2n-" + Guid.NewGuid().ToString("N")[..8]);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(20, -12)]   // oblique slices: rows and columns rotated out of the scanner axes
    public void AssembledVolumeMatchesDcm2niixVoxelForVoxelInWorldSpace(double rotateXDegrees, double rotateZDegrees)
    {
        var series = Path.Combine(_root, "series");
        PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 31, Slices = 47 }, series);
        var files = Directory.GetFiles(series, "*.dcm").Select(path => (Path: path, File: DicomFile.Open(path))).ToList();
        Reorient(files, Affine.FromRigid(0, 0, 0, rotateXDegrees, 0, rotateZDegrees, new Point3(0, 0, 0)));
        var ours = VolumeAssembler.Assemble(files.Select(file => PetSeriesLoader.ToSlice(DicomFile.Open(file.Path).Dataset)).ToList());

        var theirs = NiftiReader.Read(RunDcm2niix(series));

        Assert.Equal(ours.Geometry.VoxelCount, theirs.Geometry.VoxelCount);
        var theirsToOurs = ours.Geometry.WorldToVoxel * theirs.VoxelToWorld;
        var mapped = new bool[ours.Data.Length];
        for (int k = 0; k < theirs.Nz; k++)
        {
            for (int j = 0; j < theirs.Ny; j++)
            {
                for (int i = 0; i < theirs.Nx; i++)
                {
                    var v = theirsToOurs.Apply(new Point3(i, j, k));
                    int oi = (int)Math.Round(v.X), oj = (int)Math.Round(v.Y), ok = (int)Math.Round(v.Z);
                    // dcm2niix stores its affine in float32: a few micro-voxels of rounding are expected, no more.
                    Assert.True(Math.Abs(v.X - oi) < 1e-3 && Math.Abs(v.Y - oj) < 1e-3 && Math.Abs(v.Z - ok) < 1e-3, $"voxel ({i},{j},{k}) lands at {v}");
                    var index = ours.Geometry.Index(oi, oj, ok);
                    Assert.False(mapped[index]);
                    mapped[index] = true;
                    var expected = ours.Data[index];
                    Assert.True(Math.Abs(theirs[i, j, k] - expected) <= 1e-4 * Math.Max(1, Math.Abs(expected)), $"value at ({i},{j},{k}): {theirs[i, j, k]} vs {expected}");
                }
            }
        }
        Assert.All(mapped, Assert.True);
    }

    /// <summary>Rotates the whole series in patient space: orientation vectors and slice positions, pixels untouched.</summary>
    private static void Reorient(IReadOnlyList<(string Path, DicomFile File)> files, Affine rotation)
    {
        foreach (var (path, file) in files)
        {
            var dataset = file.Dataset;
            var iop = dataset.GetDoubles(DicomTags.ImageOrientationPatient);
            var row = rotation.ApplyVector(new Point3(iop[0], iop[1], iop[2]));
            var column = rotation.ApplyVector(new Point3(iop[3], iop[4], iop[5]));
            var ipp = dataset.GetDoubles(DicomTags.ImagePositionPatient);
            var position = rotation.Apply(new Point3(ipp[0], ipp[1], ipp[2]));
            dataset.AddOrUpdate(DicomTags.ImageOrientationPatient, DicomVR.DS, row.X, row.Y, row.Z, column.X, column.Y, column.Z);
            dataset.AddOrUpdate(DicomTags.ImagePositionPatient, DicomVR.DS, position.X, position.Y, position.Z);
            file.Save(path);
        }
    }

    private string RunDcm2niix(string seriesFolder)
    {
        var output = Path.Combine(_root, "nifti");
        Directory.CreateDirectory(output);
        var info = new ProcessStartInfo("dcm2niix", ["-z", "n", "-b", "n", "-f", "volume", "-o", output, seriesFolder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "dcm2niix did not finish in 60 s");
        Assert.True(process.ExitCode == 0, log);
        return Path.Combine(output, "volume.nii");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
