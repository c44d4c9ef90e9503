using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Localization;

/// <summary>One line naming the partial-volume correction; a result stored before the field existed was not corrected.</summary>
public static class PartialVolumeText
{
    public static string Describe(StoredPartialVolume? correction, UiLanguage language) => correction?.Method switch
    {
        "gtm" or "rbv" => UiText.Format("pvc." + correction.Method, language, UiNumbers.Number(correction.FwhmMm ?? double.NaN, 1, language)),
        _ => UiText.Get("pvc.none", language),
    };
}
