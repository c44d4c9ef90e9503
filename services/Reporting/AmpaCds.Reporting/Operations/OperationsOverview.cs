using AmpaCds.Reporting.Operations.DeadLetters;

namespace AmpaCds.Reporting.Operations;

/// <summary>Everything the ops page shows, read at one moment. No patient data in any part.</summary>
public sealed record OperationsOverview(
    IReadOnlyList<ServiceReadiness> Services,
    DeadLetterListing Broker,
    IReadOnlyList<RecentRun> RecentRuns,
    IReadOnlyList<PacsDestinationState> PacsDestinations,
    DateTimeOffset ReadAt);
