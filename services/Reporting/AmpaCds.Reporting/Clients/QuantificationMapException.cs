using AmpaCds.Domain;

namespace AmpaCds.Reporting.Clients;

/// <summary>Quantification could not give a map that should exist (refused, or still failing after the retries).</summary>
public sealed class QuantificationMapException(string message, Exception? inner = null) : AmpaCdsException(message, inner);
