using AmpaCds.Security.Access;
using AmpaCds.Security.Audit;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The authorization and end-session endpoints after OpenIddict has validated the request (client, redirect URI,
/// PKCE): a browser without the issuer cookie is sent to the sign-in page and comes back; a signed-in person gets
/// a code carrying their current claims. Signing out clears the issuer cookie and returns to the client.
/// </summary>
public sealed class InteractiveAuthorization(LocalDirectory directory, IOptions<AuthOptions> auth, IAuditTrail trail, TimeProvider clock)
{
    public const string AuthorizePath = "/connect/authorize";
    public const string EndSessionPath = "/connect/logout";

    public async Task<IResult> AuthorizeAsync(HttpContext context, CancellationToken cancellation)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not parse the authorization request");
        var signedIn = await context.AuthenticateAsync(IssuerCookie.Scheme);
        var user = signedIn.Succeeded ? directory.FindUser(signedIn.Principal?.FindFirst(AmpaCdsClaims.Subject)?.Value) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "the user is not signed in");
            }
            return Results.Redirect($"{LoginEndpoint.Path}?{LoginEndpoint.ReturnUrlParameter}={Uri.EscapeDataString(ReturnUrl(context, request))}");
        }
        if (user.Roles.Count == 0)
        {
            await AuditAsync(context, user.Name, "authorization refused: the user holds no role", cancellation);
            return Refuse(Errors.AccessDenied, "the user holds no role");
        }
        return Results.SignIn(PersonIdentity.For(user, auth.Value, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(IssuerCookie.Scheme);
        // OpenIddict sends the browser to the validated post_logout_redirect_uri; without one, to the sign-in page.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = LoginEndpoint.Path }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    // The same authorization request again, as a local URL (a POSTed request becomes a GET), without prompt=login so
    // the return after signing in does not ask again.
    private static string ReturnUrl(HttpContext context, OpenIddictRequest request)
    {
        var parameters = request.GetParameters()
            .Where(parameter => parameter.Key != Parameters.Prompt)
            .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value));
        return context.Request.PathBase + AuthorizePath + QueryString.Create(parameters);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private Task AuditAsync(HttpContext context, string subject, string detail, CancellationToken cancellation) =>
        trail.RecordAsync(new AuditEvent(AuditEventKind.AuthorizationRefused, AuditOutcome.MinorFailure, clock.GetUtcNow(),
            new AuditActor(subject, [], context.Connection.RemoteIpAddress?.ToString()),
            [new AuditObject(AuditObjectKind.Node, $"{context.Request.Method} {AuthorizePath}")], detail), cancellation);
}
