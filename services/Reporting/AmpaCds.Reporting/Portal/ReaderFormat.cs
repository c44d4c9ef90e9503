using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Rendering;

namespace AmpaCds.Reporting.Portal;

/// <summary>Numbers, names, dates and stages as a reader of the given language expects them.</summary>
public sealed class ReaderFormat(UiLanguage language)
{
    public UiLanguage Language { get; } = language;

    public string T(string key) => UiText.Get(key, Language);

    public string F(string key, params object?[] arguments) => UiText.Format(key, Language, arguments);

    public string Region(string name) => UiText.Region(name, Language);

    public string Number(double value, string format = "F3") => value.ToString(format, Language.Culture());

    public string Signed(double value, string format = "F2") => (value >= 0 ? "+" : "") + value.ToString(format, Language.Culture());

    public string Percent(double value, string format = "P0") => value.ToString(format, Language.Culture());

    public string Moment(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public string Date(string? dicomDate) => DisplayFormats.Date(dicomDate);

    /// <summary>
    /// A DICOM person name shown as the header holds it: Japanese readers see the ideographic group (漢字) first,
    /// others the alphabetic one; the other groups follow in brackets. Nothing is transliterated.
    /// </summary>
    public string PersonName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }
        var groups = value.Split('=');
        if (Language == UiLanguage.Japanese && groups.Length > 1 && groups[1].Trim().Length > 0)
        {
            var ideographic = string.Join(' ', groups[1].Split('^').Select(part => part.Trim()).Where(part => part.Length > 0));
            var rest = DisplayFormats.PersonName(groups[0]);
            return rest.Length > 0 ? $"{ideographic}（{rest}）" : ideographic;
        }
        return DisplayFormats.PersonName(value);
    }

    public string Stage(PipelineStage stage) => T(stage switch
    {
        PipelineStage.Received => "portal.stage.received",
        PipelineStage.Quantified => "portal.stage.quantified",
        PipelineStage.Forecast => "portal.stage.forecast",
        PipelineStage.Reported => "portal.stage.reported",
        PipelineStage.Failed => "portal.stage.failed",
        _ => "portal.stage.unknown",
    });
}
