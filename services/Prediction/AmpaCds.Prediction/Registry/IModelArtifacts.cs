using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Registry;

/// <summary>
/// Where model versions' files (model.zip, model-card.json, ensemble.json) live: a local folder for the CLI's offline
/// registries (<see cref="ModelRegistry"/>), the shared blob store for the service's replicas (<see cref="BlobModelArtifacts"/>).
/// </summary>
public interface IModelArtifacts
{
    /// <summary>Where the files are, for messages.</summary>
    string Location { get; }

    /// <summary>Saves the model's files durably (returns once they survive a crash) and returns its version.</summary>
    string Register(ResponseModel model);

    /// <summary>Whether the version's files are complete.</summary>
    bool Contains(string version);

    /// <summary>Loads the version.</summary>
    /// <exception cref="MissingModelArtifactException">The version's files are not there.</exception>
    ResponseModel Load(string version);
}
