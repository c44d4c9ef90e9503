using AmpaCds.Domain;

namespace AmpaCds.Prediction.Registry;

/// <summary>A version that is not registered was asked for (activation, loading); the message names it.</summary>
public sealed class UnknownModelVersionException(string version, string where)
    : AmpaCdsException($"Model version '{version}' is not registered in {where}.")
{
    public string Version { get; } = version;
}
