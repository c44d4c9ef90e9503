using AmpaCds.Security.Access;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Identity;

/// <summary>The local issuer's users and clients, checked by name and password or secret.</summary>
public sealed class LocalDirectory(IOptions<LocalIssuerOptions> options)
{
    // An unknown name is checked against this too, so the answer takes as long as for a known one and the
    // response time does not tell which user names exist.
    private static readonly Lazy<string> Decoy = new(() => PasswordHash.Create(Guid.NewGuid().ToString("N")));

    public LocalUser? SignIn(string? name, string? password)
    {
        var user = options.Value.Users.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
        return PasswordHash.Verify(password, user?.PasswordHash ?? Decoy.Value) && user is not null ? user : null;
    }

    /// <summary>The user a sign-in cookie names, looked up again so removed users and changed roles take effect.</summary>
    public LocalUser? FindUser(string? name) =>
        options.Value.Users.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));

    public IReadOnlyList<LocalClient> AllClients => options.Value.Clients;

    public LocalClient? FindClient(string? clientId) =>
        options.Value.Clients.FirstOrDefault(client => string.Equals(client.ClientId, clientId, StringComparison.Ordinal));

    public LocalClient? Authenticate(string? clientId, string? secret)
    {
        var client = FindClient(clientId);
        return PasswordHash.Verify(secret, client?.SecretHash ?? Decoy.Value) && client is not null ? client : null;
    }
}
