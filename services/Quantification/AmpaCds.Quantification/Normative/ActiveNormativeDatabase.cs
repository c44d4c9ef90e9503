using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Normative;
using AmpaCds.Imaging.PartialVolume;

namespace AmpaCds.Quantification.Normative;

/// <summary>The normative database results are scored against, with its voxel maps when it has them.</summary>
public sealed class ActiveNormativeDatabase(NormativeDatabase database, VoxelNormativeMaps? maps)
{
    /// <summary>Shipped with the service: built from simulated healthy controls, labelled synthetic.</summary>
    public const string BuiltInFileName = "ampacds-synthetic-hc.json";

    /// <summary>
    /// The same 24 simulated controls measured with GTM at 5 mm FWHM (the setting's default): what a site that switches to
    /// gtm is scored against until it builds its own. Regional statistics only: GTM's SUVR maps are divided by the
    /// corrected reference, so the uncorrected voxel maps do not fit, and 2.7 MB more maps were not worth shipping.
    /// </summary>
    public const string BuiltInGtmFileName = "ampacds-synthetic-hc-gtm.json";

    public NormativeDatabase Database { get; } = database;

    public VoxelNormativeMaps? Maps { get; } = maps;

    public static string BuiltInPath => BuiltIn(BuiltInFileName);

    /// <summary>
    /// Loads the configured file, or when <paramref name="path"/> is empty the shipped synthetic one built under the
    /// service's correction: the GTM one for gtm, the uncorrected one otherwise (rbv then gets no z-scores and the
    /// reason, until a site builds an rbv database).
    /// </summary>
    public static ActiveNormativeDatabase Load(string? path, PartialVolumeMethod correction = PartialVolumeMethod.None)
    {
        var file = string.IsNullOrWhiteSpace(path)
            ? BuiltIn(correction == PartialVolumeMethod.Gtm ? BuiltInGtmFileName : BuiltInFileName)
            : path;
        var database = NormativeDatabaseFile.Read(file);
        return new ActiveNormativeDatabase(database, NormativeDatabaseFile.ReadMaps(database, file));
    }

    private static string BuiltIn(string fileName) => Path.Combine(AppContext.BaseDirectory, "NormativeData", fileName);

    public NormativeDatabaseReference Describe(string? incompatibility) =>
        new(Database.Version, Database.Synthetic, Database.Controls, Database.AgeAdjusted, incompatibility);
}
