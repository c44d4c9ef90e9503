namespace AmpaCds.Reporting.Identity;

/// <summary>A service (or a PACS pushing over STOW-RS) with its own client-credential identity.</summary>
public sealed class LocalClient
{
    public string ClientId { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}
