using System.Security.Claims;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Security.Audit;

/// <summary>The <see cref="AuditActor"/> of an HTTP or gRPC request: who the token names, its roles, the peer's address.</summary>
public static class AuditActors
{
    public static AuditActor From(HttpContext context) => From(context.User, context.Connection.RemoteIpAddress?.ToString());

    public static AuditActor From(ClaimsPrincipal? user, string? networkAddress)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return new AuditActor(AuditActor.Anonymous, [], networkAddress);
        }
        var id = user.FindFirst(AmpaCdsClaims.Subject)?.Value ?? user.FindFirst(AmpaCdsClaims.ClientId)?.Value ?? user.Identity.Name ?? "unknown";
        var roles = user.FindAll(AmpaCdsClaims.Role).Select(claim => claim.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new AuditActor(id, roles, networkAddress);
    }
}
