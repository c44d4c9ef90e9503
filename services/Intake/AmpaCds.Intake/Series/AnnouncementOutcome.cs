namespace AmpaCds.Intake.Series;

/// <summary>What completing a series did: announced a new version, or found the content of the standing version again.</summary>
/// <param name="Announced">True when a new version was recorded and its messages enqueued.</param>
/// <param name="Version">The new version, or the one that stands (0 when nothing was stored for the series).</param>
public sealed record AnnouncementOutcome(bool Announced, int Version, string InputHash, string ChangeSummary, Guid? CorrelationId);
