using System.Net;

namespace AmpaCds.Intake.Access;

/// <summary>Parses the peer address notation: "10.0.0.7", "10.0.0.0/24", "::1", "fd00::/8".</summary>
public static class PeerAddressRanges
{
    public static bool TryParse(string text, out IPNetwork range)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal))
        {
            var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
            // "10.0.0.7/24" has host bits set: most likely a typo for /32 or 10.0.0.0/24, so it is refused rather than guessed.
            return IPNetwork.TryParse(trimmed, out range)
                && IPAddress.TryParse(trimmed[..slash], out var written)
                && written.Equals(range.BaseAddress)
                && !HasHostBits(written, range.PrefixLength);
        }
        if (IPAddress.TryParse(trimmed, out var address))
        {
            range = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        range = default;
        return false;
    }

    private static bool HasHostBits(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d; ranges are written in IPv4.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
