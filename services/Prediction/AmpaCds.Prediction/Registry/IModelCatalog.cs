using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Registry;

/// <summary>
/// Which model versions exist and which one is active: the service's database (<see cref="Persistence.DatabaseModelCatalog"/>)
/// or, for the CLI's offline registry folders, the folder's ACTIVE pointer (<see cref="ModelRegistry"/>).
/// The model artifacts themselves are in an <see cref="IModelArtifacts"/>.
/// </summary>
public interface IModelCatalog
{
    /// <summary>The active version, or null when none was activated.</summary>
    string? ReadActiveVersion();

    /// <summary>Records a registered version's metadata; recording a known version again changes nothing.</summary>
    void Record(ModelCard card);

    /// <summary>Makes <paramref name="version"/> the only active one; returns the previously active version.</summary>
    /// <exception cref="UnknownModelVersionException">The version was never recorded.</exception>
    string? Activate(string version);
}
