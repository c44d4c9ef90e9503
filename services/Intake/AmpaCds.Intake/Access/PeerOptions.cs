namespace AmpaCds.Intake.Access;

/// <summary>
/// One remote DICOM node allowed to send to Intake ("AmpaCds:Intake:Peers"): its calling AE title
/// and the addresses it may connect from (single IPs or CIDR ranges, IPv4 or IPv6).
/// </summary>
public sealed class PeerOptions
{
    public string AeTitle { get; set; } = "";

    /// <summary>Empty means any address, so a peer can be listed by AE title alone.</summary>
    public string[] Addresses { get; set; } = [];
}
