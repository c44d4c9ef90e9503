using AmpaCds.Domain;

namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>The transport keeps no dead letters that can be read or replayed (the in-memory bus).</summary>
public sealed class DeadLettersUnavailableException(string message) : AmpaCdsException(message);
