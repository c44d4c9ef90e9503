using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// What OpenIddict's degraded mode (no application store) leaves to us at the authorization endpoint: the client must
/// be configured and the redirect_uri must be one of its own, compared exactly, so a code never goes to a URL an
/// attacker chose. PKCE is required with S256; "plain" would hand the verifier to anyone who sees the request.
/// </summary>
public sealed class AuthorizationRequestValidation(LocalDirectory directory) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var client = directory.FindClient(context.ClientId);
        if (client is null)
        {
            context.Reject(Errors.InvalidClient, "the client_id is not a configured client");
            return default;
        }
        if (!client.RedirectUris.Contains(context.RedirectUri ?? "", StringComparer.Ordinal))
        {
            // Shown to the person, never sent to the unregistered URL (RFC 6749 4.1.2.1).
            context.Reject(Errors.InvalidRequest, "the redirect_uri is not registered for this client");
            return default;
        }
        // The redirect_uri is now known to be the client's: errors after this point may be sent back to it.
        context.SetRedirectUri(context.RedirectUri!);
        if (string.IsNullOrEmpty(context.Request.CodeChallenge) || context.Request.CodeChallengeMethod != CodeChallengeMethods.Sha256)
        {
            context.Reject(Errors.InvalidRequest, "PKCE is required: send code_challenge with code_challenge_method=S256");
        }
        return default;
    }
}
