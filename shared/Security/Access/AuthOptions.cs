namespace AmpaCds.Security.Access;

/// <summary>
/// How a service validates bearer tokens: the OpenID Connect issuer it trusts (the hospital's, or the
/// local issuer inside the Reporting gateway) and the audience tokens must be issued for.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "AmpaCds:Auth";

    /// <summary>The issuer's URL; its /.well-known/openid-configuration gives the signing keys.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The audience (aud claim) every AmpaCds token carries.</summary>
    public string Audience { get; set; } = "ampacds";

    /// <summary>
    /// Whether the issuer's metadata must come over HTTPS. Only the Development environment may turn it off
    /// (the embedded shape on loopback).
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>PEM of the CA that signed the issuer's certificate, when it is a private CA (the local scripts' .local/pki/ca.crt).</summary>
    public string? AuthorityCaCertificatePath { get; set; }

    /// <summary>The claim carrying the person's name as DICOM writes it (referring physician matching).</summary>
    public string DicomNameClaim { get; set; } = AmpaCdsClaims.DicomName;
}
