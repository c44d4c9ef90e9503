using AmpaCds.Cli.Output;
using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Research.Analytics.Voxelwise;

namespace AmpaCds.Cli.Analysis;

/// <summary>
/// The voxel-wise part of `cohort analyze --maps DIR`: reads each subject's template-space SUVR map
/// (DIR/&lt;subject_id&gt;.nii.gz, as `cohort measure --maps` writes them) and writes the TRD vs healthy t-map and the
/// SUVR-MADRS r-map (TRD), each unthresholded and FDR-thresholded, as NIfTI, with their cluster tables.
/// </summary>
public static class VoxelwiseOutputs
{
    public static IReadOnlyList<string> Write(IReadOnlyList<CohortRow> rows, string mapsFolder, BrainAtlas atlas, string folder, double fdrLevel)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(atlas);
        var maps = rows.ToDictionary(row => row.SubjectId, row => Read(mapsFolder, row.SubjectId, atlas));
        var trd = rows.Where(row => row.Group == SubjectGroup.Trd).ToList();
        var healthy = rows.Where(row => row.Group == SubjectGroup.Healthy).ToList();
        var t = VoxelwiseAnalysis.GroupT(trd.Select(row => maps[row.SubjectId]).ToList(), healthy.Select(row => maps[row.SubjectId]).ToList(), atlas, fdrLevel);
        var r = VoxelwiseAnalysis.CorrelationR(
            trd.Select(row => maps[row.SubjectId]).ToList(), trd.Select(row => (double)row.BaselineMadrs).ToList(), atlas, fdrLevel);
        return [.. Save(t, "voxelwise-t", folder), .. Save(r, "voxelwise-r-madrs", folder)];
    }

    private static Volume Read(string folder, string subject, BrainAtlas atlas)
    {
        var path = Path.Combine(folder, subject + ".nii.gz");
        if (!File.Exists(path))
        {
            throw new CliFailure($"no map for subject {subject}: {path} not found (write them with `cohort measure --maps`)", CliRunner.InputError);
        }

        var map = NiftiReader.Read(path);
        if (map.Nx != atlas.Geometry.Nx || map.Ny != atlas.Geometry.Ny || map.Nz != atlas.Geometry.Nz)
        {
            throw new CliFailure(
                $"{path}: grid {map.Nx}x{map.Ny}x{map.Nz} is not the atlas grid {atlas.Geometry.Nx}x{atlas.Geometry.Ny}x{atlas.Geometry.Nz}", CliRunner.InputError);
        }

        return map;
    }

    private static string[] Save(VoxelwiseMap map, string name, string folder)
    {
        string[] files = [name + ".nii.gz", name + "-fdr.nii.gz", name + "-clusters.csv"];
        NiftiWriter.Write(map.Statistic, Path.Combine(folder, files[0]));
        NiftiWriter.Write(map.Thresholded, Path.Combine(folder, files[1]));
        AnalysisTables.WriteCsv(map.Clusters, Path.Combine(folder, files[2]));
        return files;
    }
}
