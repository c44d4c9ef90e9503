using System.Globalization;

namespace AmpaCds.Reporting.Rendering;

/// <summary>DICOM values as a reader expects them on a report.</summary>
public static class DisplayFormats
{
    /// <summary>
    /// PN (PS3.5 6.2): component groups alphabetic=ideographic=phonetic, each family^given^middle^prefix^suffix.
    /// Shows "Family, Given Middle" per group, alphabetic first, e.g. "Yamada, Tarou (山田 太郎)".
    /// </summary>
    public static string PersonName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }
        var groups = value.Split('=').Select(FormatGroup).Where(group => group.Length > 0).ToList();
        return groups.Count switch
        {
            0 => "",
            1 => groups[0],
            _ => $"{groups[0]} ({string.Join("; ", groups.Skip(1))})",
        };
    }

    /// <summary>DA "YYYYMMDD" as ISO 8601; anything else is shown as received.</summary>
    public static string Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value ?? "";

    private static string FormatGroup(string group)
    {
        var parts = group.Split('^').Select(part => part.Trim()).ToArray();
        var family = parts.ElementAtOrDefault(0) ?? "";
        var given = string.Join(' ', parts.Skip(1).Take(2).Where(part => part.Length > 0));
        var name = family.Length > 0 && given.Length > 0 ? $"{family}, {given}" : family + given;
        var prefix = parts.ElementAtOrDefault(3);
        var suffix = parts.ElementAtOrDefault(4);
        return string.Join(' ', new[] { prefix, name, suffix }.Where(part => !string.IsNullOrEmpty(part)));
    }
}
