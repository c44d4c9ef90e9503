using AmpaCds.Prediction.Model;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Prediction.Registry;

/// <summary>
/// Model versions' files in the shared blob store under <c>prediction/models/&lt;version&gt;/</c>, so a version registered on
/// one replica can be loaded on every other. Each replica keeps a local cache folder (a <see cref="ModelRegistry"/>)
/// filled on demand, because ML.NET loads from files and a version is loaded again on every switch back to it.
/// </summary>
/// <remarks>
/// The card is uploaded last and is what <see cref="Contains"/> looks for, so a version whose upload was cut short is
/// not seen as registered. The interface is synchronous because activation and model loading are (the file system
/// store completes its tasks synchronously).
/// </remarks>
public sealed class BlobModelArtifacts(IBlobStore blobs, ModelRegistry cache) : IModelArtifacts
{
    public const string Prefix = "prediction/models/";

    // The card last: it marks a complete version.
    private static readonly string[] UploadOrder = [ResponseModel.ModelFileName, ModelCardJson.EnsembleFileName, ModelCardJson.FileName];

    public ModelRegistry Cache { get; } = cache;

    public string Location => $"the blob store ({Prefix})";

    public static string KeyOf(string version, string fileName) => $"{Prefix}{version}/{fileName}";

    public string Register(ResponseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Upload(Cache.Register(model));
        return model.Version;
    }

    /// <summary>
    /// Puts complete versions of the cache folder that the blob store lacks into it and returns them: before the blob
    /// store held models, this folder (shared by the replicas) was where they lived, so an upgraded service publishes them.
    /// </summary>
    public IReadOnlyList<string> PublishCachedVersions()
    {
        var published = new List<string>();
        foreach (var version in Cache.ListVersions().Select(card => card.Version).Where(version => !Contains(version)))
        {
            Upload(version);
            published.Add(version);
        }
        return published;
    }

    private void Upload(string version)
    {
        var folder = Cache.VersionDirectory(version);
        foreach (var fileName in UploadOrder)
        {
            var path = Path.Combine(folder, fileName);
            if (!File.Exists(path))
            {
                continue; // no ensemble for tree models
            }
            using var content = File.OpenRead(path);
            blobs.PutAsync(KeyOf(version, fileName), content).GetAwaiter().GetResult();
        }
    }

    public bool Contains(string version)
    {
        Cache.VersionDirectory(version); // refuses a version that is not a single key segment
        return blobs.Exists(KeyOf(version, ModelCardJson.FileName)) && blobs.Exists(KeyOf(version, ResponseModel.ModelFileName));
    }

    public ResponseModel Load(string version)
    {
        if (!Cache.Contains(version))
        {
            Fetch(version);
        }
        return Cache.Load(version);
    }

    /// <summary>Copies the version's blobs into the cache: into a staging folder first, moved into place whole.</summary>
    private void Fetch(string version)
    {
        var target = Cache.VersionDirectory(version);
        if (!Contains(version))
        {
            throw new MissingModelArtifactException(version, $"{Location}: expected {KeyOf(version, ModelCardJson.FileName)} and {ResponseModel.ModelFileName}");
        }
        var staging = Path.Combine(Cache.RootDirectory, $".fetching-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var key in blobs.List($"{Prefix}{version}/"))
            {
                using var source = blobs.OpenReadAsync(key).GetAwaiter().GetResult();
                using var copy = File.Create(Path.Combine(staging, key[(key.LastIndexOf('/') + 1)..]));
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true); // a crash must not leave a complete-looking version of empty files
            }
            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (Cache.Contains(version))
            {
                // Another load of this replica filled the cache first; its copy is the same bytes.
            }
        }
        catch (FileNotFoundException error)
        {
            throw new MissingModelArtifactException(version, Location, error);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
