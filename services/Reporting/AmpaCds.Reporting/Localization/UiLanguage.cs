using System.Globalization;

namespace AmpaCds.Reporting.Localization;

/// <summary>The languages the portal, the report and its PDF are written in.</summary>
public enum UiLanguage
{
    English,
    Japanese,
}

public static class UiLanguages
{
    public static IReadOnlyList<UiLanguage> All { get; } = [UiLanguage.English, UiLanguage.Japanese];

    /// <summary>The short code used on the command line, in cookies and in URLs ("en", "ja").</summary>
    public static string Code(this UiLanguage language) => language == UiLanguage.Japanese ? "ja" : "en";

    /// <summary>
    /// How numbers are written for the reader. The services run in globalization-invariant mode (no ICU), so this is
    /// the invariant format with the percent sign attached ("37%"), which is how both English and Japanese clinical
    /// documents write it; dates are written ISO 8601 everywhere.
    /// </summary>
    public static IFormatProvider Culture(this UiLanguage language) => language == UiLanguage.Japanese ? Japanese : English;

    private static readonly NumberFormatInfo English = Numbers();

    private static readonly NumberFormatInfo Japanese = Numbers();

    private static NumberFormatInfo Numbers()
    {
        var numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        numbers.PercentPositivePattern = 1;
        numbers.PercentNegativePattern = 1;
        return NumberFormatInfo.ReadOnly(numbers);
    }

    /// <summary>Parses "en", "ja", "ja-JP", "en-US" and the like; null for anything else.</summary>
    public static UiLanguage? Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var primary = code.Trim().Split('-', '_')[0];
        return primary.ToLowerInvariant() switch
        {
            "en" => UiLanguage.English,
            "ja" => UiLanguage.Japanese,
            _ => null,
        };
    }
}
