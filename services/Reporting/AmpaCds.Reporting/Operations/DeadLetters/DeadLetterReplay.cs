namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>What a replay moved back to its queue, and which of the asked-for message ids were not dead letters there.</summary>
public sealed record DeadLetterReplay(int Replayed, IReadOnlyList<string> NotFound);
