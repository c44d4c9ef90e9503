namespace AmpaCds.Security.Access;

/// <summary>
/// The identity a service presents when it calls another service: an OAuth client of the issuer
/// (<see cref="AuthOptions.Authority"/>) holding the <see cref="Roles.Service"/> role.
/// </summary>
public sealed class ServiceIdentityOptions
{
    public const string Section = "AmpaCds:ServiceIdentity";

    public string ClientId { get; set; } = "";

    /// <summary>Set from a secret store or the environment (AmpaCds__ServiceIdentity__ClientSecret), never a checked-in file.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>How long before its expiry a cached token is replaced, so a call never leaves with a token about to lapse.</summary>
    public TimeSpan RenewBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);
}
