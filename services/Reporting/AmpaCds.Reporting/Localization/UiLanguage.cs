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

    public static CultureInfo Culture(this UiLanguage language) => CultureInfo.GetCultureInfo(language == UiLanguage.Japanese ? "ja-JP" : "en-GB");

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
