using AmpaCds.Domain;

namespace AmpaCds.Imaging.Assembly;

/// <summary>The slices do not form one regular volume; <see cref="Reason"/> says which check failed.</summary>
public sealed class VolumeAssemblyException(VolumeAssemblyFailure reason, string message) : AmpaCdsException(message)
{
    public VolumeAssemblyFailure Reason { get; } = reason;
}
