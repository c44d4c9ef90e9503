using System.Text.Json;
using AmpaCds.Imaging.Nifti;

namespace AmpaCds.Imaging.Normative;

/// <summary>
/// The database as a JSON file, with its optional voxel maps as NIfTI files in the same folder
/// (<c>NAME.mean.nii.gz</c>, <c>NAME.sd.nii.gz</c>), so a site can inspect them in any viewer.
/// </summary>
public static class NormativeDatabaseFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(NormativeDatabase database, VoxelNormativeMaps? maps, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(database);
        var folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        Directory.CreateDirectory(folder);
        if (maps is not null)
        {
            var stem = Path.GetFileNameWithoutExtension(jsonPath);
            database = database with { VoxelMeanMap = stem + ".mean.nii.gz", VoxelSdMap = stem + ".sd.nii.gz" };
            NiftiWriter.Write(maps.Mean, Path.Combine(folder, database.VoxelMeanMap));
            NiftiWriter.Write(maps.Sd, Path.Combine(folder, database.VoxelSdMap));
        }
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(database, Json));
    }

    public static NormativeDatabase Read(string jsonPath)
    {
        if (!File.Exists(jsonPath))
        {
            throw new NormativeDataException($"normative database file '{jsonPath}' does not exist");
        }
        NormativeDatabase? database;
        try
        {
            database = JsonSerializer.Deserialize<NormativeDatabase>(File.ReadAllText(jsonPath), Json);
        }
        catch (JsonException error)
        {
            throw new NormativeDataException($"normative database file '{jsonPath}' is not valid: {error.Message}");
        }
        if (database is null || string.IsNullOrWhiteSpace(database.Version) || database.Regions is null || database.Regions.Count == 0)
        {
            throw new NormativeDataException($"normative database file '{jsonPath}' has no version or no regions");
        }
        if (database.Measure != NormativeDatabase.SuvrMeasure)
        {
            throw new NormativeDataException($"normative database {database.Version} describes '{database.Measure}', not SUVR");
        }
        return database;
    }

    /// <summary>The voxel maps named by the database, or null when it has none.</summary>
    public static VoxelNormativeMaps? ReadMaps(NormativeDatabase database, string jsonPath)
    {
        if (database.VoxelMeanMap is null || database.VoxelSdMap is null)
        {
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        return new VoxelNormativeMaps(NiftiReader.Read(Path.Combine(folder, database.VoxelMeanMap)),
            NiftiReader.Read(Path.Combine(folder, database.VoxelSdMap)));
    }
}
