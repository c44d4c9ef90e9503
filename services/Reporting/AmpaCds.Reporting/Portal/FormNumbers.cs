using System.Globalization;

namespace AmpaCds.Reporting.Portal;

/// <summary>A whole number from a form field, checked against its range (the browser checks too, but is not trusted).</summary>
public static class FormNumbers
{
    public readonly record struct Parsed(bool Valid, int? Value);

    public static Parsed Parse(string? text, int minimum, int maximum, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Parsed(!required, null);
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? new Parsed(true, value)
            : new Parsed(false, null);
    }
}
