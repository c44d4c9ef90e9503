namespace AmpaCds.Reporting.Identity;

/// <summary>
/// A client of the local issuer: a service (or a PACS pushing over STOW-RS) with its own client-credential identity,
/// or an application people sign in to through the browser (the portal) with the authorization code flow.
/// </summary>
public sealed class LocalClient
{
    public string ClientId { get; set; } = "";

    /// <summary>Stored form of the client's secret; empty for a public client.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>
    /// Whether the client holds a secret and must present it at the token endpoint. True by default, so the service
    /// clients configured before the browser flow existed stay confidential; a public client relies on PKCE alone.
    /// </summary>
    public bool Confidential { get; set; } = true;

    public List<string> Roles { get; set; } = [];

    /// <summary>Where the authorization endpoint may send a code: exact, absolute URLs (no prefix or pattern matching).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where the end-session endpoint may send the browser after signing out: exact, absolute URLs.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
