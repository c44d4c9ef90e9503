namespace AmpaCds.Reporting.Identity;

/// <summary>A person the local issuer knows: name, roles they may ask for, password hash (<see cref="AmpaCds.Security.Access.PasswordHash"/>).</summary>
public sealed class LocalUser
{
    public string Name { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>The person's name as DICOM headers write it ("Sato^Hanako"), matched to a study's referring physician.</summary>
    public string? DicomName { get; set; }

    public List<string> Roles { get; set; } = [];

    public string PasswordHash { get; set; } = "";
}
