namespace AmpaCds.Security.Access;

/// <summary>
/// The claim types AmpaCds reads from a validated token. They are the JWT names (no mapping to the
/// long WS-* URIs), so a hospital identity provider can be configured to emit the same.
/// </summary>
public static class AmpaCdsClaims
{
    /// <summary>The user name (or a service's client id).</summary>
    public const string Subject = "sub";

    /// <summary>Display name.</summary>
    public const string Name = "name";

    /// <summary>One claim per role the token carries.</summary>
    public const string Role = "role";

    /// <summary>The person's name as DICOM headers write it (PN, e.g. "Sato^Hanako"): matched to a study's referring physician.</summary>
    public const string DicomName = "dicom_name";

    /// <summary>The OAuth client the token was issued to.</summary>
    public const string ClientId = "client_id";
}
