using Microsoft.AspNetCore.Authorization;

namespace AmpaCds.Security.Access;

/// <summary>Fails <see cref="DeclaredRoleRequirement"/> with the reason, so the refusal (and its audit event) says why.</summary>
public sealed class DeclaredRoleRequirementHandler : AuthorizationHandler<DeclaredRoleRequirement>
{
    public const string Reason = "endpoint declares no role";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DeclaredRoleRequirement requirement)
    {
        context.Fail(new AuthorizationFailureReason(this, Reason));
        return Task.CompletedTask;
    }
}
