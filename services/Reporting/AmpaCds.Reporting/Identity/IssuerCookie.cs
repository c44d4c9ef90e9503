namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The local issuer's own sign-in cookie: it says who signed in at /account/login, so the authorization endpoint
/// can issue codes without asking again. It holds only the user name; roles are read again from the directory.
/// </summary>
public static class IssuerCookie
{
    public const string Scheme = "AmpaCds.Issuer";

    public const string Name = ".AmpaCds.Issuer";

    /// <summary>The browser session at the issuer; sliding, like the portal's own.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
}
