using AmpaCds.Domain;

namespace AmpaCds.Imaging.Normative;

/// <summary>The controls or the database file cannot make a usable normative database; the message says why.</summary>
public sealed class NormativeDataException(string message) : AmpaCdsException(message);
