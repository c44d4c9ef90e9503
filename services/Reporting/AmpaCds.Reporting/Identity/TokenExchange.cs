using System.Security.Claims;
using AmpaCds.Security.Access;
using AmpaCds.Security.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The token endpoint's decisions: a local user with the right password gets a token carrying the roles
/// asked for (parameter "role", space-separated; all of theirs when absent), never one they do not hold;
/// a client with the right secret gets its own roles; a code from the browser sign-in (InteractiveAuthorization) is
/// redeemed for the person's tokens. Every sign-in and every refusal is audited.
/// </summary>
public sealed class TokenExchange(
    LocalDirectory directory, IOptions<AuthOptions> auth, IAuditTrail trail, TimeProvider clock)
{
    public const string RoleParameter = "role";

    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellation)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not parse the token request");
        if (request.IsPasswordGrantType())
        {
            return await SignInUserAsync(context, request, cancellation);
        }
        if (request.IsClientCredentialsGrantType())
        {
            return await SignInClientAsync(context, request, cancellation);
        }
        if (request.IsAuthorizationCodeGrantType())
        {
            return await RedeemCodeAsync(context, request, cancellation);
        }
        return Refuse(Errors.UnsupportedGrantType, "only the password, client_credentials and authorization_code grants are served");
    }

    private async Task<IResult> SignInUserAsync(HttpContext context, OpenIddictRequest request, CancellationToken cancellation)
    {
        var user = directory.SignIn(request.Username, request.Password);
        if (user is null)
        {
            await AuditAsync(context, AuditEventKind.AuthenticationRefused, AuditOutcome.MinorFailure, request.Username, [], "unknown user or wrong password", cancellation);
            return Refuse(Errors.InvalidGrant, "unknown user or wrong password");
        }
        var asked = RequestedRoles(request);
        var roles = asked.Count == 0 ? user.Roles : asked;
        var missing = roles.Where(role => !user.Roles.Contains(role, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0 || roles.Count == 0)
        {
            var reason = roles.Count == 0 ? $"user '{user.Name}' holds no role" : $"user '{user.Name}' does not hold role {string.Join(", ", missing)}";
            await AuditAsync(context, AuditEventKind.AuthorizationRefused, AuditOutcome.MinorFailure, user.Name, roles, reason, cancellation);
            return Refuse(Errors.InvalidScope, reason);
        }
        var identity = Identity(user.Name, roles);
        identity.AddClaim(new Claim(AmpaCdsClaims.Name, user.DisplayName ?? user.Name));
        if (user.DicomName is { Length: > 0 } dicomName)
        {
            identity.AddClaim(new Claim(auth.Value.DicomNameClaim, dicomName));
        }
        await AuditAsync(context, AuditEventKind.UserAuthenticated, AuditOutcome.Success, user.Name, roles, "token issued (password grant)", cancellation);
        return SignIn(identity);
    }

    // OpenIddict has checked the code, its PKCE verifier, redirect URI and client; the person is read again from the
    // directory, so a user removed (or a role taken away) since signing in gets no token.
    private async Task<IResult> RedeemCodeAsync(HttpContext context, OpenIddictRequest request, CancellationToken cancellation)
    {
        var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = code.Principal?.FindFirst(AmpaCdsClaims.Subject)?.Value;
        var user = directory.FindUser(subject);
        if (code.Principal is null || user is null || user.Roles.Count == 0)
        {
            await AuditAsync(context, AuditEventKind.AuthenticationRefused, AuditOutcome.MinorFailure, subject, [], "authorization code for an unknown user or one without roles", cancellation);
            return Refuse(Errors.InvalidGrant, "the user of this code can no longer sign in");
        }
        await AuditAsync(context, AuditEventKind.UserAuthenticated, AuditOutcome.Success, user.Name, user.Roles,
            $"token issued (authorization code, client {request.ClientId})", cancellation);
        return Results.SignIn(PersonIdentity.For(user, auth.Value, code.Principal.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> SignInClientAsync(HttpContext context, OpenIddictRequest request, CancellationToken cancellation)
    {
        // ClientAuthenticationHandler has checked the secret before the request reached this endpoint.
        var client = directory.FindClient(request.ClientId);
        if (client is null)
        {
            return Refuse(Errors.InvalidClient, "unknown client");
        }
        var identity = Identity(client.ClientId, client.Roles);
        identity.AddClaim(new Claim(AmpaCdsClaims.ClientId, client.ClientId));
        await AuditAsync(context, AuditEventKind.UserAuthenticated, AuditOutcome.Success, client.ClientId, client.Roles, "token issued (client credentials)", cancellation);
        return SignIn(identity);
    }

    private ClaimsIdentity Identity(string subject, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, AmpaCdsClaims.Subject, AmpaCdsClaims.Role);
        identity.AddClaim(new Claim(AmpaCdsClaims.Subject, subject));
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(AmpaCdsClaims.Role, role));
        }
        identity.SetAudiences(auth.Value.Audience);
        return identity;
    }

    private static IResult SignIn(ClaimsIdentity identity)
    {
        // Every claim goes into the access token (the only token issued); none into an identity token.
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static List<string> RequestedRoles(OpenIddictRequest request) =>
        ((string?)request.GetParameter(RoleParameter) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private Task AuditAsync(HttpContext context, AuditEventKind kind, AuditOutcome outcome, string? subject, IEnumerable<string> roles, string detail,
        CancellationToken cancellation) =>
        trail.RecordAsync(new AuditEvent(kind, outcome, clock.GetUtcNow(),
            new AuditActor(string.IsNullOrEmpty(subject) ? AuditActor.Anonymous : subject, roles.ToArray(), context.Connection.RemoteIpAddress?.ToString()),
            [new AuditObject(AuditObjectKind.Node, $"POST {LocalIssuerRegistration.TokenPath}")], detail), cancellation);
}
