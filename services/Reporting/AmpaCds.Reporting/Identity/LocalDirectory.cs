using AmpaCds.Security.Access;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Identity;

/// <summary>The local issuer's users and clients, checked by name and password or secret.</summary>
public sealed class LocalDirectory(IOptions<LocalIssuerOptions> options)
{
    public LocalUser? SignIn(string? name, string? password) =>
        options.Value.Users.FirstOrDefault(user => string.Equals(user.Name, name, StringComparison.Ordinal)) is { } user
        && PasswordHash.Verify(password, user.PasswordHash) ? user : null;

    public LocalClient? FindClient(string? clientId) =>
        options.Value.Clients.FirstOrDefault(client => string.Equals(client.ClientId, clientId, StringComparison.Ordinal));

    public LocalClient? Authenticate(string? clientId, string? secret) =>
        options.Value.Clients.FirstOrDefault(client => string.Equals(client.ClientId, clientId, StringComparison.Ordinal)) is { } client
        && PasswordHash.Verify(secret, client.SecretHash) ? client : null;
}
