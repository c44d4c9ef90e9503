namespace AmpaCds.Reporting.Portal.Authentication;

/// <summary>
/// How the portal signs people in: as an OpenID Connect client of AmpaCds:Auth:Authority (the gateway's local issuer
/// or the hospital's provider), with the authorization code flow and PKCE.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "AmpaCds:Portal";

    public string ClientId { get; set; } = "ampacds-portal";

    /// <summary>
    /// The client secret when the provider registers the portal as a confidential client; none makes it a public client
    /// that relies on PKCE (the embedded shape). Set from a secret store, never committed.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the provider sends the browser back with the code.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Where the provider sends the browser back after signing out.</summary>
    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    /// <summary>
    /// The portal's addresses as browsers reach it ("https://reporting.hospital.example:5180"). The gateway's local issuer
    /// registers the portal client with these plus the callback paths as its only redirect URIs; a hospital provider
    /// is told the same URLs by its administrator.
    /// </summary>
    public List<string> PublicOrigins { get; set; } = [];
}
