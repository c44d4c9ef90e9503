using AmpaCds.Domain;

namespace AmpaCds.Security.Access;

/// <summary>The issuer refused this service's client credentials or answered with no token: a configuration problem to fix, not to retry.</summary>
public sealed class ServiceTokenException(string message) : AmpaCdsException(message);
