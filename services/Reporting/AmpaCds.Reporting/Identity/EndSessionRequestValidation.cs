using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using OpenIddict.Server;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The end-session endpoint's check in degraded mode: the browser is sent after signing out only to a
/// post_logout_redirect_uri a configured client registered (of the named client, when client_id is given), never to
/// any URL a link carries.
/// </summary>
public sealed class EndSessionRequestValidation(LocalDirectory directory) : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        if (string.IsNullOrEmpty(context.PostLogoutRedirectUri))
        {
            return default;
        }
        var candidates = string.IsNullOrEmpty(context.Request.ClientId)
            ? directory.AllClients
            : directory.FindClient(context.Request.ClientId) is { } client ? [client] : [];
        if (!candidates.Any(client => client.PostLogoutRedirectUris.Contains(context.PostLogoutRedirectUri, StringComparer.Ordinal)))
        {
            context.Reject(Errors.InvalidRequest, "the post_logout_redirect_uri is not registered for any client");
            return default;
        }
        context.SetPostLogoutRedirectUri(context.PostLogoutRedirectUri);
        return default;
    }
}
