using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Registry;

/// <summary>
/// The default model the service ships as an artifact (DefaultModel/: model.zip, model-card.json, ensemble.json), made
/// by deploy/train-default-model.sh with `ampacds model train`. Nothing is trained at start: a catalog without an active
/// model gets this artifact's files registered, its metadata recorded and the version activated.
/// </summary>
public static class ShippedDefaultModel
{
    public const string FolderName = "DefaultModel";

    /// <summary>The same recipe with the features a GTM-corrected study shows (deploy/train-default-model.sh gtm); card: gtm, 5 mm.</summary>
    public const string GtmFolderName = "DefaultModelGtm";

    private static readonly Lock InstallLock = new();

    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The shipped artifact for studies measured under <paramref name="partialVolumeMethod"/>: gtm has its own, anything else the uncorrected one.</summary>
    public static string BuiltInDirectoryFor(string? partialVolumeMethod, string? baseDirectory = null) =>
        Path.Combine(baseDirectory ?? AppContext.BaseDirectory,
            string.Equals(partialVolumeMethod?.Trim(), "gtm", StringComparison.OrdinalIgnoreCase) ? GtmFolderName : FolderName);

    /// <summary>
    /// Installs the shipped model for the configured correction. When the active model is the other shipped one (a site
    /// that has just switched between none and gtm), the configured one replaces it, since the other would refuse every
    /// study; a model the site trained and activated itself is left alone.
    /// </summary>
    public static string EnsureInstalledFor(IModelArtifacts artifacts, IModelCatalog catalog, string? partialVolumeMethod, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(catalog);
        var source = BuiltInDirectoryFor(partialVolumeMethod, baseDirectory);
        lock (InstallLock)
        {
            var others = new[] { FolderName, GtmFolderName }.Select(folder => Path.Combine(baseDirectory ?? AppContext.BaseDirectory, folder))
                .Where(folder => folder != source && File.Exists(Path.Combine(folder, ModelCardJson.FileName)))
                .Select(folder => ModelCardJson.Read(folder).Version);
            if (catalog.ReadActiveVersion() is { } active && others.Contains(active, StringComparer.Ordinal)
                && File.Exists(Path.Combine(source, ModelCardJson.FileName)) && ModelCardJson.Read(source).Version != active)
            {
                return Install(artifacts, catalog, source);
            }
            return EnsureInstalled(artifacts, catalog, source);
        }
    }

    /// <summary>A registry folder that is its own catalog (the CLI's offline folders).</summary>
    public static string EnsureInstalled(ModelRegistry registry, string? artifactDirectory = null) =>
        EnsureInstalled(registry, registry, artifactDirectory);

    /// <summary>Returns the active version, after installing the shipped model when the catalog had none active.</summary>
    /// <param name="artifacts">Where the model files go (the service's blob store).</param>
    /// <param name="catalog">Where the version is recorded and activated (the service's database).</param>
    /// <param name="artifactDirectory">The artifact folder; the one copied beside the service by default.</param>
    public static string EnsureInstalled(IModelArtifacts artifacts, IModelCatalog catalog, string? artifactDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(catalog);
        // Serialises concurrent starts within one process; replicas racing on one database are safe because recording is
        // idempotent and activation is one transaction (both would activate the same version).
        lock (InstallLock)
        {
            var source = artifactDirectory ?? BuiltInDirectory;
            if (catalog.ReadActiveVersion() is { } active)
            {
                RestoreShippedFiles(artifacts, active, source);
                return active;
            }

            if (!File.Exists(Path.Combine(source, ResponseModel.ModelFileName)) || !File.Exists(Path.Combine(source, ModelCardJson.FileName)))
            {
                throw new FileNotFoundException(
                    $"The shipped default model is missing from '{source}' (expected {ResponseModel.ModelFileName} and {ModelCardJson.FileName}); " +
                    "run deploy/train-default-model.sh or activate a model with `ampacds model activate`.");
            }

            return Install(artifacts, catalog, source);
        }
    }

    private static string Install(IModelArtifacts artifacts, IModelCatalog catalog, string source)
    {
        // Loaded and saved again rather than copied: a damaged artifact fails here, not at the first forecast.
        using var model = ResponseModel.Load(source);
        if (!artifacts.Contains(model.Version))
        {
            artifacts.Register(model);
        }
        catalog.Record(model.Card);
        catalog.Activate(model.Version);
        return model.Version;
    }

    /// <summary>
    /// A blob store (or folder) that lost the shipped version's files while the database still has it active gets them
    /// again from the artifact; any other version's files must already be in the shared store.
    /// </summary>
    private static void RestoreShippedFiles(IModelArtifacts artifacts, string active, string source)
    {
        if (artifacts.Contains(active) || !File.Exists(Path.Combine(source, ModelCardJson.FileName))
            || ModelCardJson.Read(source).Version != active)
        {
            return;
        }
        using var model = ResponseModel.Load(source);
        artifacts.Register(model);
    }
}
