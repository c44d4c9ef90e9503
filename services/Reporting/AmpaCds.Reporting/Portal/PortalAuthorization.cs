using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace AmpaCds.Reporting.Portal;

/// <summary>The portal is for psychiatrists, signed in through the browser (cookie), never with a bearer token.</summary>
public static class PortalAuthorization
{
    /// <summary>The browser session's cookie scheme; the sign-in registration owns its definition.</summary>
    public const string CookieScheme = "AmpaCds.Portal";

    public static TBuilder RequirePsychiatrist<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Psychiatrist, AuthenticationSchemes = CookieScheme });
}
