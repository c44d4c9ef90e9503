namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The OpenID Connect issuer inside the Reporting gateway, for the embedded shape, the local scripts and
/// the tests; a site points AmpaCds:Auth:Authority at its own provider and leaves this off.
/// </summary>
public sealed class LocalIssuerOptions
{
    public const string Section = "AmpaCds:Auth:LocalIssuer";

    /// <summary>Read by its single key before the container exists: it decides whether the issuer is registered.</summary>
    public const string EnabledKey = Section + ":" + nameof(Enabled);

    /// <summary>A settings file holding more users (`ampacds auth add-user` writes it); read before the container exists.</summary>
    public const string UsersFileKey = Section + ":" + nameof(UsersFile);

    public bool Enabled { get; set; }

    public string? UsersFile { get; set; }

    /// <summary>The issuer URL written into tokens; services validate against the same value as AmpaCds:Auth:Authority.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>PEM of the RSA key tokens are signed with; made (owner-only) at first start when missing. Empty: under the data root.</summary>
    public string SigningKeyPath { get; set; } = "";

    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    public List<LocalUser> Users { get; set; } = [];

    public List<LocalClient> Clients { get; set; } = [];
}
