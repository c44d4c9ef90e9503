using AmpaCds.Domain;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>Quantification stopped for a reason the report must show (for example a failed registration).</summary>
public sealed class QuantificationException(string message, Exception? inner = null) : AmpaCdsException(message, inner);
