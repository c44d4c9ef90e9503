using AmpaCds.Prediction.Model;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Prediction.Registry;


/// <summary>
/// A folder of model versions (&lt;root&gt;/&lt;version&gt;/model.zip + model-card.json, written with DurableFile): the
/// binary artifacts. As an <see cref="IModelCatalog"/> (the CLI's offline folders) a pointer file names the active
/// version; activating is a single file replacement, so readers see the old or the new pointer. The service keeps
/// the catalog in its database and the files in the blob store (<see cref="BlobModelArtifacts"/>, which uses a
/// registry folder as each replica's local cache).
/// </summary>
public sealed class ModelRegistry : IModelCatalog, IModelArtifacts
{
    public const string ActivePointerFileName = "ACTIVE";

    public ModelRegistry(string rootDirectory)
    {
        RootDirectory = rootDirectory;
        Directory.CreateDirectory(rootDirectory);
    }

    public string RootDirectory { get; }

    public string Location => $"registry '{RootDirectory}'";

    private string PointerPath => Path.Combine(RootDirectory, ActivePointerFileName);

    /// <summary>Cards of all complete versions, oldest first.</summary>
    public IReadOnlyList<ModelCard> ListVersions() =>
        Directory.EnumerateDirectories(RootDirectory)
            .Where(IsCompleteVersion)
            .Select(ModelCardJson.Read)
            .OrderBy(card => card.TrainedAtUtc)
            .ThenBy(card => card.Version, StringComparer.Ordinal)
            .ToList();

    /// <summary>The active version, or null when none was activated.</summary>
    public string? ActiveVersion => File.Exists(PointerPath) ? File.ReadAllText(PointerPath).Trim() is { Length: > 0 } v ? v : null : null;

    /// <summary>Saves the model as a new version (not yet active) and returns its version.</summary>
    public string Register(ResponseModel model)
    {
        model.Save(RootDirectory);
        return model.Version;
    }

    /// <summary>Whether the version's artifacts (model.zip and model-card.json) are complete in this folder.</summary>
    public bool Contains(string version) => IsCompleteVersion(VersionDirectory(version));

    public void Activate(string version)
    {
        if (!Contains(version))
        {
            throw new DirectoryNotFoundException($"Model version '{version}' is not in registry '{RootDirectory}'.");
        }

        DurableFile.WriteAllText(PointerPath, version);
    }

    string? IModelCatalog.ReadActiveVersion() => ActiveVersion;

    // The card file beside the model is this catalog's record; Register wrote it.
    void IModelCatalog.Record(ModelCard card)
    {
    }

    string? IModelCatalog.Activate(string version)
    {
        var previous = ActiveVersion;
        try
        {
            Activate(version);
        }
        catch (DirectoryNotFoundException)
        {
            throw new UnknownModelVersionException(version, $"registry '{RootDirectory}'");
        }
        return previous;
    }

    public ResponseModel LoadActive() =>
        ActiveVersion is { } version
            ? ResponseModel.Load(VersionDirectory(version))
            : throw new InvalidOperationException($"Registry '{RootDirectory}' has no active model.");

    public ResponseModel Load(string version) =>
        Contains(version) ? ResponseModel.Load(VersionDirectory(version)) : throw new MissingModelArtifactException(version, Location);

    public string VersionDirectory(string version)
    {
        // The version names a folder; refuse anything that could point elsewhere.
        if (version.Length == 0 || version.IndexOfAny(['/', '\\']) >= 0 || version is "." or "..")
        {
            throw new ArgumentException($"'{version}' is not a model version.", nameof(version));
        }

        return Path.Combine(RootDirectory, version);
    }

    private static bool IsCompleteVersion(string directory) =>
        File.Exists(Path.Combine(directory, ResponseModel.ModelFileName)) && File.Exists(Path.Combine(directory, ModelCardJson.FileName));
}
