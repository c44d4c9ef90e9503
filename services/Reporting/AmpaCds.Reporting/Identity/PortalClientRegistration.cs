using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The local issuer knows the portal that runs beside it without a second configuration: AmpaCds:Portal's client id,
/// secret (hashed here, as configured clients are) and public origins become a client whose only redirect URIs are
/// those origins plus the callback paths. A client configured under Clients with the same id takes precedence.
/// </summary>
public sealed class PortalClientRegistration(IOptions<PortalOptions> portal) : IPostConfigureOptions<LocalIssuerOptions>
{
    public void PostConfigure(string? name, LocalIssuerOptions options)
    {
        var settings = portal.Value;
        if (!options.Enabled || settings.PublicOrigins.Count == 0
            || options.Clients.Any(client => string.Equals(client.ClientId, settings.ClientId, StringComparison.Ordinal)))
        {
            return;
        }
        var origins = settings.PublicOrigins.Select(origin => origin.TrimEnd('/')).ToList();
        var secret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        options.Clients.Add(new LocalClient
        {
            ClientId = settings.ClientId,
            Confidential = secret is not null,
            SecretHash = secret is null ? "" : PasswordHash.Create(secret),
            RedirectUris = origins.Select(origin => origin + settings.CallbackPath).ToList(),
            PostLogoutRedirectUris = origins.Select(origin => origin + settings.SignedOutCallbackPath).ToList(),
        });
    }
}
