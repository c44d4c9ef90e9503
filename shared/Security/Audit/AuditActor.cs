namespace AmpaCds.Security.Audit;

/// <summary>
/// Who acted (ActiveParticipant with UserIsRequestor): a person's user name or a service's client id,
/// the roles the token carried, and the network address the request came from.
/// </summary>
/// <param name="UserId">User name or client id; "anonymous" when no identity was presented.</param>
/// <param name="Roles">The roles the caller's token carried (empty when none).</param>
/// <param name="NetworkAddress">The peer's IP address, if known.</param>
public sealed record AuditActor(string UserId, IReadOnlyList<string> Roles, string? NetworkAddress)
{
    public const string Anonymous = "anonymous";
}
