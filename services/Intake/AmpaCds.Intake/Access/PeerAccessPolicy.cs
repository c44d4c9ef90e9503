using System.Net;
using AmpaCds.Dicom.Network;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Access;

/// <summary>
/// Decides whether a calling AE may associate from the address it connects from. With no peers
/// configured every caller is allowed (the AE title list, if any, still applies in DicomServer).
/// </summary>
public sealed class PeerAccessPolicy
{
    private readonly Dictionary<string, IPNetwork[]> _rangesByAeTitle = new(StringComparer.Ordinal);
    public PeerAccessPolicy(IOptions<IntakeOptions> options)
    {
        foreach (var peer in options.Value.Peers)
        {
            var ranges = peer.Addresses.Select(text => PeerAddressRanges.TryParse(text, out var range)
                ? range
                : throw new OptionsValidationException(IntakeOptions.Section, typeof(IntakeOptions),
                    [$"peer {peer.AeTitle}: '{text}' is not an IP address or CIDR range"]));
            var aeTitle = peer.AeTitle.Trim();
            _rangesByAeTitle[aeTitle] = [.. _rangesByAeTitle.GetValueOrDefault(aeTitle, []), .. ranges];
        }
    }

    public bool HasPeers => _rangesByAeTitle.Count > 0;

    /// <summary>Null when allowed, otherwise why not (logged by <see cref="Evaluate"/>).</summary>
    public string? Check(string callingAeTitle, EndPoint? remote)
    {
        if (!HasPeers)
        {
            return null;
        }
        if (!_rangesByAeTitle.TryGetValue(callingAeTitle, out var ranges))
        {
            return $"calling AE title '{callingAeTitle}' is not a configured peer";
        }
        if (ranges.Length == 0)
        {
            return null;
        }
        if (remote is not IPEndPoint { Address: var address })
        {
            return $"peer {callingAeTitle} has no IP address to check";
        }
        var normalized = PeerAddressRanges.Normalize(address);
        return ranges.Any(range => range.Contains(normalized))
            ? null
            : $"peer {callingAeTitle} is not allowed from {normalized}";
    }

    /// <summary>
    /// The association-time veto: null to accept, else A-ASSOCIATE-RJ "calling AE title not
    /// recognized" (1, 1, 3), the closest standard reason. The real cause travels as the rejection's detail, so the
    /// server's one "Rejected association" line names it (one event, one line).
    /// </summary>
    public AssociationRejection? Evaluate(DicomAssociationInfo association)
    {
        if (Check(association.CallingAeTitle, association.RemoteEndPoint) is not { } reason)
        {
            return null;
        }
        return AssociationRejection.CallingAeNotRecognized with { Detail = $"refused by peer access: {reason}" };
    }
}
