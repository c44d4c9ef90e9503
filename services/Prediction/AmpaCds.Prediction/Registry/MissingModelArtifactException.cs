using AmpaCds.Domain;

namespace AmpaCds.Prediction.Registry;

/// <summary>A version's files are missing where they should be (a catalog row without its blobs); the message names it.</summary>
public sealed class MissingModelArtifactException(string version, string where, Exception? innerException = null)
    : AmpaCdsException($"The files of model version '{version}' are missing from {where}.", innerException)
{
    public string Version { get; } = version;
}
