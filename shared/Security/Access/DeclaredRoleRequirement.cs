using Microsoft.AspNetCore.Authorization;

namespace AmpaCds.Security.Access;

/// <summary>
/// The fallback policy's one requirement, which nothing satisfies: it applies only to endpoints that declare
/// no authorisation of their own, and they stay closed until they name the roles that may call them.
/// </summary>
public sealed class DeclaredRoleRequirement : IAuthorizationRequirement;
