using AmpaCds.Security.Access;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Identity;

/// <summary>Refuses a local issuer whose users or clients could not sign in, or could sign in as a role that does not exist.</summary>
public sealed class LocalIssuerOptionsValidation : IValidateOptions<LocalIssuerOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalIssuerOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out _))
        {
            failures.Add($"{LocalIssuerOptions.Section}:{nameof(LocalIssuerOptions.Issuer)} must be an absolute URL, not '{options.Issuer}'");
        }
        if (options.AccessTokenLifetimeMinutes is < 1 or > 24 * 60)
        {
            failures.Add($"{LocalIssuerOptions.Section}:{nameof(LocalIssuerOptions.AccessTokenLifetimeMinutes)} must be 1 to 1440, not {options.AccessTokenLifetimeMinutes}");
        }
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var key = $"{LocalIssuerOptions.Section}:{nameof(LocalIssuerOptions.Users)}:{i}";
            Check(failures, key, user.Name, user.PasswordHash, user.Roles, Roles.People);
        }
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            var key = $"{LocalIssuerOptions.Section}:{nameof(LocalIssuerOptions.Clients)}:{i}";
            if (client.Confidential)
            {
                Check(failures, key, client.ClientId, client.SecretHash, client.Roles, Roles.All);
            }
            else
            {
                CheckPublic(failures, key, client);
            }
            CheckUris(failures, $"{key}:{nameof(LocalClient.RedirectUris)}", client.RedirectUris);
            CheckUris(failures, $"{key}:{nameof(LocalClient.PostLogoutRedirectUris)}", client.PostLogoutRedirectUris);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A public client cannot keep a secret, so it may not act on its own (client_credentials) and only redeems codes for people.
    private static void CheckPublic(List<string> failures, string key, LocalClient client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            failures.Add($"{key} has no name");
        }
        if (client.SecretHash.Length > 0)
        {
            failures.Add($"{key} ('{client.ClientId}') is not confidential but has a SecretHash: set Confidential=true or remove the hash");
        }
        if (client.Roles.Count > 0)
        {
            failures.Add($"{key} ('{client.ClientId}') is not confidential and cannot hold roles of its own");
        }
        if (client.RedirectUris.Count == 0)
        {
            failures.Add($"{key} ('{client.ClientId}') is not confidential and has no RedirectUris: it could not sign anyone in");
        }
    }

    // Redirect targets are compared exactly, so each must be a complete http(s) URL without a fragment (RFC 6749 3.1.2).
    private static void CheckUris(List<string> failures, string key, List<string> uris)
    {
        for (var i = 0; i < uris.Count; i++)
        {
            if (!Uri.TryCreate(uris[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Fragment.Length > 0)
            {
                failures.Add($"{key}:{i} must be an absolute http(s) URL without a fragment, not '{uris[i]}'");
            }
        }
    }

    private static void Check(List<string> failures, string key, string name, string hash, List<string> roles, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            failures.Add($"{key} has no name");
        }
        if (!PasswordHash.IsWellFormed(hash))
        {
            failures.Add($"{key} ('{name}') has no valid hash: make one with `ampacds auth hash-password`");
        }
        foreach (var role in roles.Where(role => !allowed.Contains(role, StringComparer.Ordinal)))
        {
            failures.Add($"{key} ('{name}') has unknown role '{role}' (known: {string.Join(", ", allowed)})");
        }
    }
}
