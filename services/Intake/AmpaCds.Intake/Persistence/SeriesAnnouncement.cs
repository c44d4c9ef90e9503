namespace AmpaCds.Intake.Persistence;

/// <summary>
/// One version of a series as Intake announced it: Intake's own stored record, deliberately not the
/// PetSeriesReceived message, so a change of the contract does not change what is on disk.
/// </summary>
public sealed class SeriesAnnouncement
{
    public required string StudyInstanceUid { get; init; }

    public required string SeriesInstanceUid { get; init; }

    /// <summary>1 for the first content announced, +1 for each announcement whose content changed.</summary>
    public required int Version { get; init; }

    /// <summary>SHA-256 hex over the version's manifest (<see cref="Series.SeriesInputHash"/>).</summary>
    public required string InputHash { get; init; }

    public required int InstanceCount { get; init; }

    public required string ChangeSummary { get; init; }

    public required Guid CorrelationId { get; init; }

    public required string CompletionReason { get; init; }

    public required long AnnouncedAtUtcTicks { get; init; }
}
