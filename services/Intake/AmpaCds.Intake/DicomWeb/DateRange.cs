using System.Globalization;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>A DA query value: "20260101", "20260101-20260131", "-20260131" or "20260101-" (PS3.4 C.2.2.2.5).</summary>
public sealed record DateRange(string? From, string? To)
{
    public static DateRange Parse(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var (from, to) = dash < 0 ? (text, text) : (text[..dash], text[(dash + 1)..]);
        if ((from.Length == 0 && to.Length == 0) || !IsDateOrEmpty(from) || !IsDateOrEmpty(to))
        {
            throw new DicomWebRequestException(400, $"StudyDate '{text}' is not YYYYMMDD or a range YYYYMMDD-YYYYMMDD");
        }
        return new DateRange(from.Length == 0 ? null : from, to.Length == 0 ? null : to);
    }

    /// <summary>YYYYMMDD strings compare in date order, so ordinal comparison is enough.</summary>
    public bool Contains(string? date) =>
        date is not null && IsDateOrEmpty(date) && date.Length > 0
        && (From is null || string.CompareOrdinal(date, From) >= 0)
        && (To is null || string.CompareOrdinal(date, To) <= 0);

    private static bool IsDateOrEmpty(string text) =>
        text.Length == 0 || DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
