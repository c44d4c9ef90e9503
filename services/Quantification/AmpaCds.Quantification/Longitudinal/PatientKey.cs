using System.Security.Cryptography;
using System.Text;

namespace AmpaCds.Quantification.Longitudinal;

/// <summary>
/// A keyed hash (HMAC-SHA256) of the patient identifier: links a patient's studies in the result
/// store and in messages without carrying the identifier. Keyed, because a plain hash of a short
/// hospital number can be reversed by trying every number.
/// </summary>
public static class PatientKey
{
    public static string For(string patientId, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(patientId.Trim()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
