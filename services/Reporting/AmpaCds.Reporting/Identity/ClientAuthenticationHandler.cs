using AmpaCds.Security.Audit;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// Client authentication at the token endpoint, which OpenIddict's degraded mode (no application store)
/// leaves to us: a request naming a confidential client must carry its secret; the client-credentials grant must
/// name one. People using the password grant need no client (anonymous clients are accepted).
/// </summary>
public sealed class ClientAuthenticationHandler(LocalDirectory directory, IAuditTrail trail, TimeProvider clock)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var request = context.Request;
        if (string.IsNullOrEmpty(request.ClientId))
        {
            if (request.IsClientCredentialsGrantType())
            {
                await RefuseAsync(context, "the client_credentials grant needs client_id and client_secret");
            }
            return;
        }
        // A public client (the portal without a secret) proves nothing by itself: it may only redeem a code,
        // which OpenIddict ties to its PKCE verifier and redirect URI; a secret it sends anyway is refused.
        if (directory.FindClient(request.ClientId) is { Confidential: false })
        {
            if (!string.IsNullOrEmpty(request.ClientSecret) || !request.IsAuthorizationCodeGrantType())
            {
                await RefuseAsync(context, "a public client only redeems authorization codes, without a secret");
            }
            return;
        }
        if (directory.Authenticate(request.ClientId, request.ClientSecret) is null)
        {
            await RefuseAsync(context, "unknown client or wrong secret");
        }
    }

    private async ValueTask RefuseAsync(ValidateTokenRequestContext context, string reason)
    {
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        await trail.RecordAsync(new AuditEvent(AuditEventKind.AuthenticationRefused, AuditOutcome.MinorFailure, clock.GetUtcNow(),
            new AuditActor(context.Request.ClientId is { Length: > 0 } id ? id : AuditActor.Anonymous, [], http?.Connection.RemoteIpAddress?.ToString()),
            [new AuditObject(AuditObjectKind.Node, $"POST {LocalIssuerRegistration.TokenPath}")], reason), http?.RequestAborted ?? default);
        context.Reject(Errors.InvalidClient, reason);
    }
}
