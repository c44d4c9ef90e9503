using System.Globalization;

namespace AmpaCds.Imaging.Suv;

/// <summary>
/// Minimal, library-free parsing of DICOM DA / TM / DT strings, for callers building
/// <see cref="SuvInputs"/> and for the Radiopharmaceutical Start Time rule of <see cref="SuvCalculator"/>.
/// </summary>
public static class SuvDicomText
{
    /// <summary>
    /// Parses a DICOM TM value: "HH", "HHMM", "HHMMSS" or "HHMMSS.F" to "HHMMSS.FFFFFF"; the
    /// ACR-NEMA form "HH:MM:SS.FFFFFF" is also accepted. Surrounding spaces are ignored.
    /// Seconds may be 60 (leap second), as the standard allows.
    /// </summary>
    public static bool TryParseTime(string? text, out TimeSpan timeOfDay)
    {
        timeOfDay = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.Contains(':', StringComparison.Ordinal))
        {
            var dot = s.IndexOf('.', StringComparison.Ordinal);
            var head = dot < 0 ? s : s[..dot];
            var parts = head.Split(':');
            if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length != 2))
            {
                return false;
            }

            s = string.Concat(parts) + (dot < 0 ? string.Empty : s[dot..]);
        }

        var dotIndex = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dotIndex < 0 ? s : s[..dotIndex];
        var fraction = dotIndex < 0 ? string.Empty : s[(dotIndex + 1)..];
        if (whole.Length is not (2 or 4 or 6) || !whole.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (dotIndex >= 0 && (whole.Length != 6 || fraction.Length is < 1 or > 6 || !fraction.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var hours = int.Parse(whole.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = whole.Length >= 4 ? int.Parse(whole.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var seconds = whole.Length == 6 ? int.Parse(whole.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        if (hours > 23 || minutes > 59 || seconds > 60)
        {
            return false;
        }

        // Fraction up to microseconds; pad to the 7 digits of a .NET tick (100 ns).
        var ticks = fraction.Length == 0 ? 0L : long.Parse(fraction.PadRight(7, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        timeOfDay = new TimeSpan(hours, minutes, seconds) + TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Parses a DICOM DA value "YYYYMMDD" (ACR-NEMA "YYYY.MM.DD" also accepted).</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length == 10 && s[4] == '.' && s[7] == '.')
        {
            s = s.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        return s.Length == 8 && s.All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// Parses a DICOM DT value "YYYYMMDD[HH[MM[SS[.FFFFFF]]]][&amp;ZZXX]". The date part must be complete.
    /// A UTC offset suffix is accepted but ignored: the result is the local wall-clock time as written,
    /// matching how DA/TM pairs are interpreted.
    /// </summary>
    public static bool TryParseDateTime(string? text, out DateTime dateTime)
    {
        dateTime = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var sign = s.IndexOfAny(['+', '-']);
        if (sign >= 0)
        {
            var offset = s[(sign + 1)..];
            if (offset.Length != 4 || !offset.All(char.IsAsciiDigit))
            {
                return false;
            }

            s = s[..sign];
        }

        if (s.Length < 8 || !TryParseDate(s[..8], out var date))
        {
            return false;
        }

        var timeText = s[8..];
        if (timeText.Length == 0)
        {
            dateTime = date.ToDateTime(TimeOnly.MinValue);
            return true;
        }

        if (timeText.Contains(':', StringComparison.Ordinal) || !TryParseTime(timeText, out var time))
        {
            return false;
        }

        dateTime = date.ToDateTime(TimeOnly.MinValue) + time;
        return true;
    }

    /// <summary>Parses a DICOM DA + TM pair into a local date/time; false if either is missing or malformed.</summary>
    public static bool TryCombine(string? date, string? time, out DateTime dateTime)
    {
        dateTime = default;
        if (!TryParseDate(date, out var d) || !TryParseTime(time, out var t))
        {
            return false;
        }

        dateTime = d.ToDateTime(TimeOnly.MinValue) + t;
        return true;
    }
}
