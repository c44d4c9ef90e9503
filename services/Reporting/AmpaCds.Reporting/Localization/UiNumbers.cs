using System.Globalization;

namespace AmpaCds.Reporting.Localization;

/// <summary>Numbers on the report in the reader's culture, so the PDF and the HTML report print them alike.</summary>
public static class UiNumbers
{
    public static string Percent(double share, UiLanguage language) => share.ToString("P1", language.Culture());

    public static string Number(double value, int decimals, UiLanguage language) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), language.Culture());

    /// <summary>Always with its sign, so a direction (toward or away) reads at a glance.</summary>
    public static string Signed(double value, int decimals, UiLanguage language)
    {
        var digits = "0." + new string('0', decimals);
        return value.ToString($"+{digits};-{digits};{digits}", language.Culture());
    }

    public static string Integer(long value, UiLanguage language) => value.ToString("N0", language.Culture());

    /// <summary>A moment in UTC, ISO-like in both languages (a date written 01/02 is ambiguous across cultures).</summary>
    public static string Moment(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
