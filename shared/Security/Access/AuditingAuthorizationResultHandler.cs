using AmpaCds.Security.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Security.Access;

/// <summary>
/// Records every refused caller in the audit trail (no token or a bad one: User Authentication failure;
/// a valid token without the role: Security Alert), then answers as ASP.NET Core does (401 / 403, which
/// gRPC clients see as Unauthenticated / PermissionDenied).
/// </summary>
public sealed class AuditingAuthorizationResultHandler(IAuditTrail trail, TimeProvider clock, ILogger<AuditingAuthorizationResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            var kind = authorizeResult.Challenged ? AuditEventKind.AuthenticationRefused : AuditEventKind.AuthorizationRefused;
            var route = RouteOf(context);
            var reason = authorizeResult.Challenged ? AuthenticationFailure(context) : AuthorizationFailure(authorizeResult);
            var actor = AuditActors.From(context);
            // The route pattern, never the raw URL: a query string may hold a patient's name.
            logger.LogWarning("Refused {Kind} for {User} from {Address} on {Route}: {Reason}", kind, actor.UserId, actor.NetworkAddress, route, reason);
            await trail.RecordAsync(new AuditEvent(kind, AuditOutcome.MinorFailure, clock.GetUtcNow(), actor,
                [new AuditObject(AuditObjectKind.Node, route)], reason), context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    public static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint
            ? $"{context.Request.Method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}"
            : $"{context.Request.Method} {context.Request.Path}";

    private static string AuthenticationFailure(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 ? "no bearer token" : "bearer token not valid (signature, issuer, audience or lifetime)";

    private static string AuthorizationFailure(PolicyAuthorizationResult result)
    {
        var reasons = result.AuthorizationFailure?.FailureReasons.Select(reason => reason.Message).ToList() ?? [];
        var roles = result.AuthorizationFailure?.FailedRequirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
            .SelectMany(requirement => requirement.AllowedRoles).ToList() ?? [];
        if (roles.Count > 0)
        {
            reasons.Add($"requires role {string.Join(" or ", roles)}");
        }
        return reasons.Count > 0 ? string.Join("; ", reasons) : "not permitted";
    }
}
