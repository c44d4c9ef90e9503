using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Portal.Authentication;

/// <summary>Stops the gateway when the portal could not complete a sign-in: a missing client id, bad paths or origins, a guessable secret.</summary>
public sealed class PortalOptionsValidation : IValidateOptions<PortalOptions>
{
    // A configured secret is compared at the provider; a short one could be guessed.
    public const int MinimumSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{PortalOptions.Section}:{nameof(PortalOptions.ClientId)} must name the portal's client at the provider");
        }
        if (options.ClientSecret is { } secret && secret.Length > 0 && secret.Length < MinimumSecretLength)
        {
            failures.Add($"{PortalOptions.Section}:{nameof(PortalOptions.ClientSecret)} must be at least {MinimumSecretLength} characters " +
                "(e.g. `openssl rand -base64 32`), or left unset for a public client");
        }
        CheckPath(failures, nameof(PortalOptions.CallbackPath), options.CallbackPath);
        CheckPath(failures, nameof(PortalOptions.SignedOutCallbackPath), options.SignedOutCallbackPath);
        for (var i = 0; i < options.PublicOrigins.Count; i++)
        {
            var origin = options.PublicOrigins[i];
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                failures.Add($"{PortalOptions.Section}:{nameof(PortalOptions.PublicOrigins)}:{i} must be an http(s) origin such as " +
                    $"'https://reporting.example:5180' (no path), not '{origin}'");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPath(List<string> failures, string key, string path)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            failures.Add($"{PortalOptions.Section}:{key} must be a path starting with '/', not '{path}'");
        }
    }
}
