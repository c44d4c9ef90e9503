using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Quantification.Loading;

/// <summary>
/// The few patient facts quantification needs: the identifier (only to link a follow-up to its
/// baseline; it is never logged or published), the age (for an age-adjusted normative database)
/// and the study date (to tell baseline from follow-up).
/// </summary>
public static class PatientHeaderReader
{
    public static string? PatientId(DicomDataset dataset) =>
        dataset.GetString(DicomTags.PatientID) is { Length: > 0 } id ? id.Trim() : null;

    public static DateOnly? StudyDate(DicomDataset dataset) =>
        SuvDicomText.TryParseDate(dataset.GetString(DicomTags.StudyDate), out var date) ? date : null;

    /// <summary>Patient Age (0010,1010) "nnnY/M/W/D"; else the birth date against the study date; else null.</summary>
    public static double? AgeYears(DicomDataset dataset)
    {
        if (dataset.GetString(DicomTags.PatientAge) is { Length: 4 } age
            && int.TryParse(age.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return char.ToUpperInvariant(age[3]) switch
            {
                'Y' => count,
                'M' => count / 12.0,
                'W' => count * 7 / 365.25,
                'D' => count / 365.25,
                _ => null,
            };
        }
        return SuvDicomText.TryParseDate(dataset.GetString(DicomTags.PatientBirthDate), out var birth) && StudyDate(dataset) is { } study
            ? (study.DayNumber - birth.DayNumber) / 365.25
            : null;
    }
}
