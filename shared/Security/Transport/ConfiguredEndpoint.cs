namespace AmpaCds.Security.Transport;

/// <summary>One address Kestrel will listen on, with the configuration key it came from (for messages an operator can act on).</summary>
public sealed record ConfiguredEndpoint(string Key, string Url);
