using System.Security.Claims;
using AmpaCds.Security.Access;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The claims a person signed in through the browser carries: sub, name, dicom_name and every role they hold, in the
/// identity token (the portal reads the person from it) and in the access token (the portal calls the services with it).
/// </summary>
public static class PersonIdentity
{
    /// <summary>Scopes a browser client may be granted: the identity token and the profile claims; no refresh tokens.</summary>
    public static IReadOnlyList<string> GrantableScopes { get; } = [Scopes.OpenId, Scopes.Profile, Scopes.Roles];

    public static ClaimsPrincipal For(LocalUser user, AuthOptions auth, IEnumerable<string> requestedScopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, AmpaCdsClaims.Subject, AmpaCdsClaims.Role);
        identity.AddClaim(new Claim(AmpaCdsClaims.Subject, user.Name));
        identity.AddClaim(new Claim(AmpaCdsClaims.Name, user.DisplayName ?? user.Name));
        if (user.DicomName is { Length: > 0 } dicomName)
        {
            identity.AddClaim(new Claim(auth.DicomNameClaim, dicomName));
        }
        foreach (var role in user.Roles.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(AmpaCdsClaims.Role, role));
        }
        identity.SetScopes(requestedScopes.Where(scope => GrantableScopes.Contains(scope, StringComparer.Ordinal)));
        identity.SetAudiences(auth.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
