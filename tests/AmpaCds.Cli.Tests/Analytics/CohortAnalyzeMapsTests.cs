using AmpaCds.Cli.Output;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Cli.Tests.Analytics;

/// <summary>
/// `cohort analyze --maps`: template-space SUVR maps of a study cohort (each subject's regional SUVR painted on the
/// built-in atlas, plus voxel noise; rendering and measuring 83 PET studies would take minutes) give the TRD vs
/// healthy t-map and its clusters where the regional analysis finds the differences.
/// </summary>
public sealed class CohortAnalyzeMapsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ampacds-analyze-maps-").FullName;

    [Fact]
    public async Task Voxelwise_clusters_lie_in_the_regions_that_differ()
    {
        var cohort = Path.Combine(_folder, "study.csv");
        var maps = Path.Combine(_folder, "maps");
        var output = Path.Combine(_folder, "out");
        Assert.Equal(0, await CohortCli.RunAsync("simulate", "--n", "83", "--seed", "7", "--composition", "study", "--out", cohort));
        var atlas = QuantificationReference.BuiltIn(new QuantificationOptions().TemplateSmoothingFwhmMm).Atlas;
        var random = new Random(7);
        Directory.CreateDirectory(maps);
        foreach (var row in CohortCsv.Read(cohort))
        {
            var map = atlas.Paint(row.BaselineSuvr);
            for (var i = 0; i < map.Data.Length; i++)
            {
                map.Data[i] += (float)(0.02 * (random.NextDouble() - 0.5));
            }

            NiftiWriter.Write(map, Path.Combine(maps, row.SubjectId + ".nii.gz"));
        }

        Assert.Equal(0, await CohortCli.RunAsync("analyze", "--cohort", cohort, "--out", output, "--maps", maps));

        var t = NiftiReader.Read(Path.Combine(output, "voxelwise-t.nii.gz"));
        Assert.Equal((atlas.Geometry.Nx, atlas.Geometry.Ny, atlas.Geometry.Nz), (t.Nx, t.Ny, t.Nz));
        var clusters = File.ReadAllLines(Path.Combine(output, "voxelwise-t-clusters.csv"));
        Assert.Equal("sign,size,peak_value,peak_i,peak_j,peak_k,peak_x_mm,peak_y_mm,peak_z_mm,region", clusters[0]);
        // Regional seed 7: posterior insula is the strongest difference (g -1.08, q 7e-5); over some 10^5 voxels only it
        // survives FDR (parietal's q 0.017 over 18 regions does not): one lower cluster in each hemisphere.
        var rows = clusters.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(("-1", "posterior_insula"), (row[0], row[9])));
        Assert.Equal([-1, 1], rows.Select(row => Math.Sign(double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture))).Order());
        Assert.True(File.Exists(Path.Combine(output, "voxelwise-r-madrs-fdr.nii.gz")));
    }

    [Fact]
    public async Task A_missing_map_is_an_input_error()
    {
        var cohort = Path.Combine(_folder, "study.csv");
        Assert.Equal(0, await CohortCli.RunAsync("simulate", "--n", "20", "--seed", "3", "--composition", "study", "--out", cohort));

        Assert.Equal(CliRunner.InputError, await CohortCli.RunAsync("analyze", "--cohort", cohort, "--out", Path.Combine(_folder, "out"), "--maps", _folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
