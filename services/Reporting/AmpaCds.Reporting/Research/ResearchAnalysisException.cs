using AmpaCds.Domain;

namespace AmpaCds.Reporting.Research;

/// <summary>A published analysis the gateway will not store (too large, malformed); the message names the part and the limit.</summary>
public sealed class ResearchAnalysisException(string message) : AmpaCdsException(message);
