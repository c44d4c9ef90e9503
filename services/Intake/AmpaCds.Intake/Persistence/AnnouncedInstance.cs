namespace AmpaCds.Intake.Persistence;

/// <summary>One line of an announced version's manifest: which instance, with which stored bytes.</summary>
public sealed class AnnouncedInstance
{
    public required string SeriesInstanceUid { get; init; }

    public required int Version { get; init; }

    public required string SopInstanceUid { get; init; }

    /// <summary>SHA-256 hex of the instance's stored file.</summary>
    public required string ContentSha256 { get; init; }
}
