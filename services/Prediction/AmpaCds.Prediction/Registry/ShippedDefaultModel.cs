using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Registry;

/// <summary>
/// The default model the service ships as an artifact (DefaultModel/: model.zip, model-card.json, ensemble.json), made
/// by deploy/train-default-model.sh with `ampacds model train`. Nothing is trained at start: a registry without an active
/// model gets this artifact registered and activated.
/// </summary>
public static class ShippedDefaultModel
{
    public const string FolderName = "DefaultModel";

    private static readonly Lock InstallLock = new();

    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>Returns the active version, after installing the shipped model when the registry had none.</summary>
    /// <param name="artifactDirectory">The artifact folder; the one copied beside the service by default.</param>
    public static string EnsureInstalled(ModelRegistry registry, string? artifactDirectory = null)
    {
        // Serialises concurrent starts within one process; separate processes should share one registry writer.
        lock (InstallLock)
        {
            if (registry.ActiveVersion is { } active)
            {
                return active;
            }

            var source = artifactDirectory ?? BuiltInDirectory;
            if (!File.Exists(Path.Combine(source, ResponseModel.ModelFileName)) || !File.Exists(Path.Combine(source, ModelCardJson.FileName)))
            {
                throw new FileNotFoundException(
                    $"The shipped default model is missing from '{source}' (expected {ResponseModel.ModelFileName} and {ModelCardJson.FileName}); " +
                    "run deploy/train-default-model.sh or activate a model with `ampacds model activate`.");
            }

            // Loaded and saved again rather than copied: a damaged artifact fails here, not at the first forecast.
            using var model = ResponseModel.Load(source);
            registry.Register(model);
            registry.Activate(model.Version);
            return model.Version;
        }
    }
}
