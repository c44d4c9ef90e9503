using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// UIDs of the objects sent to the PACS, under the "2.25" root (PS3.5 B.2) like the rest of the project, but derived
/// from (study, report version, object kind, purpose) instead of drawn at random: re-sending a version after a crash or
/// a retry gives the PACS the same instances again (it replaces them) rather than a second, different copy.
/// </summary>
public static class PacsUids
{
    public static string For(string studyInstanceUid, int reportVersion, PacsObjectKind kind, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyInstanceUid);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var seed = string.Create(CultureInfo.InvariantCulture, $"ampacds-pacs/{studyInstanceUid}/{reportVersion}/{kind}/{purpose}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        // 128 bits as one unsigned decimal, as a UUID is in 2.25 UIDs: at most 39 digits, 44 characters in all.
        var value = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }

    public static string Series(string studyInstanceUid, int reportVersion, PacsObjectKind kind) =>
        For(studyInstanceUid, reportVersion, kind, "series");

    public static string Instance(string studyInstanceUid, int reportVersion, PacsObjectKind kind) =>
        For(studyInstanceUid, reportVersion, kind, "instance");
}
