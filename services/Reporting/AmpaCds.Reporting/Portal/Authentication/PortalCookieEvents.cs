using System.Globalization;
using AmpaCds.Reporting.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AmpaCds.Reporting.Portal.Authentication;

/// <summary>
/// The portal session's rules: a person without the page's role sees a 403 page that says so (not a redirect or a
/// blank), and a session whose saved access token has expired ends, so the next request signs in again (silently while
/// the issuer's session lasts) instead of calling services with a dead token.
/// </summary>
public sealed class PortalCookieEvents(TimeProvider clock) : CookieAuthenticationEvents
{
    public override async Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        var result = new RazorComponentResult<AccessDeniedPage>(new Dictionary<string, object?>
        {
            [nameof(AccessDeniedPage.Language)] = SignInLanguage.Choose(http.Request),
            [nameof(AccessDeniedPage.PersonName)] = http.User.Identity?.Name ?? "",
        })
        { StatusCode = StatusCodes.Status403Forbidden };
        await result.ExecuteAsync(http);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is not null
            && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiry)
            && expiry <= clock.GetUtcNow())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalAuthentication.CookieScheme);
        }
    }
}
