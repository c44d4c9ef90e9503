using AmpaCds.Domain;

namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>A dead-letter request naming a queue that is not a consumer queue.</summary>
public sealed class DeadLetterException(string message) : AmpaCdsException(message);
