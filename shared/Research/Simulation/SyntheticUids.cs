using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace AmpaCds.Research.Simulation;

/// <summary>
/// UIDs under the "2.25" root (PS3.5 B.2: a UUID as one decimal number), derived from the seed so
/// the same seed writes byte-identical studies.
/// </summary>
public static class SyntheticUids
{
    public static string For(int seed, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ampacds-simulation/{seed}/{purpose}"));
        var value = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
