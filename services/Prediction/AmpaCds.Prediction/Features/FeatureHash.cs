using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AmpaCds.Prediction.Features;

/// <summary>
/// SHA-256 (hex) over a forecast's features, for inputs that carry no input hash of their own (API requests, older
/// messages): regions in ordinal order with round-trip values, then the covariates. Same features, same hash.
/// </summary>
public static class FeatureHash
{
    public static string Of(IReadOnlyDictionary<string, double> suvr, double? age = null, double? baselineMadrs = null)
    {
        ArgumentNullException.ThrowIfNull(suvr);
        var text = new StringBuilder("features:");
        foreach (var (region, value) in suvr.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(region).Append('=').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        }
        text.Append("age=").Append(age?.ToString("R", CultureInfo.InvariantCulture)).Append(";madrs=")
            .Append(baselineMadrs?.ToString("R", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
