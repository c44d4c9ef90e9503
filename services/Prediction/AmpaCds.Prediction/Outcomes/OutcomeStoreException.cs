using AmpaCds.Domain;

namespace AmpaCds.Prediction.Outcomes;

/// <summary>An outcome the store cannot accept (unknown subject, MADRS out of range); the message says which.</summary>
public sealed class OutcomeStoreException(string message) : AmpaCdsException(message);
