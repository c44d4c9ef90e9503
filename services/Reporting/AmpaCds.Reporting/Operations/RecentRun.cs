namespace AmpaCds.Reporting.Operations;

/// <summary>
/// One recent run, as operations see it: when its report version was stored and how long from the start of the run
/// (Intake's announcement or a requested re-run) to that report. No study identifiers.
/// </summary>
public sealed record RecentRun(DateTimeOffset ReportedAt, int Version, TimeSpan SeriesToReport);
