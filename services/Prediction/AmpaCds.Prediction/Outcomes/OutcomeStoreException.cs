namespace AmpaCds.Prediction;

/// <summary>An outcome the store cannot accept (unknown subject, MADRS out of range); the message says which.</summary>
public sealed class OutcomeStoreException(string message) : Exception(message);
