using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Normative;

namespace AmpaCds.Quantification.Normative;

/// <summary>The normative database results are scored against, with its voxel maps when it has them.</summary>
public sealed class ActiveNormativeDatabase(NormativeDatabase database, VoxelNormativeMaps? maps)
{
    /// <summary>Shipped with the service: built from simulated healthy controls, labelled synthetic.</summary>
    public const string BuiltInFileName = "ampacds-synthetic-hc.json";

    public NormativeDatabase Database { get; } = database;

    public VoxelNormativeMaps? Maps { get; } = maps;

    public static string BuiltInPath => Path.Combine(AppContext.BaseDirectory, "NormativeData", BuiltInFileName);

    /// <summary>Loads the configured file, or the shipped synthetic one when <paramref name="path"/> is empty.</summary>
    public static ActiveNormativeDatabase Load(string? path)
    {
        var file = string.IsNullOrWhiteSpace(path) ? BuiltInPath : path;
        var database = NormativeDatabaseFile.Read(file);
        return new ActiveNormativeDatabase(database, NormativeDatabaseFile.ReadMaps(database, file));
    }

    public NormativeDatabaseReference Describe(string? incompatibility) =>
        new(Database.Version, Database.Synthetic, Database.Controls, Database.AgeAdjusted, incompatibility);
}
