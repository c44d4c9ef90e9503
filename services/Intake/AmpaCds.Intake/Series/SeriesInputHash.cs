using System.Security.Cryptography;
using System.Text;

namespace AmpaCds.Intake.Series;

/// <summary>
/// The InputHash every service keys its versions on: SHA-256 (lower-case hex) over one
/// "&lt;sopUid&gt;\n&lt;sha256hex&gt;\n" line pair per instance, in ordinal UID order. Changing this
/// changes every hash downstream, so a unit test pins a known value.
/// </summary>
public static class SeriesInputHash
{
    public static string Compute(IEnumerable<ManifestEntry> manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in manifest.OrderBy(entry => entry.SopInstanceUid, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{entry.SopInstanceUid}\n{entry.ContentSha256}\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
