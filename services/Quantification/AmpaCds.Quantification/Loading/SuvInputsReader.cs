using AmpaCds.Dicom;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Quantification.Loading;

/// <summary>Extracts the SUV inputs of a series from its headers; the rules themselves live in SuvCalculator.</summary>
public static class SuvInputsReader
{
    private static readonly DicomTag GePrivateScanDateTime = new(0x0009, 0x100D);

    public static SuvInputs Read(IReadOnlyList<DicomDataset> series)
    {
        var first = series[0];
        var radiopharmaceutical = first.TryGetSequence(DicomTags.RadiopharmaceuticalInformationSequence, out var items) && items.Count > 0
            ? items[0]
            : null;
        // The QIBA rules need the earliest acquisition time over the whole series.
        var earliestAcquisition = series
            .Select(dataset => Combine(dataset.GetString(DicomTags.AcquisitionDate), dataset.GetString(DicomTags.AcquisitionTime)))
            .Where(time => time is not null)
            .Min();
        return new SuvInputs
        {
            Units = first.GetString(DicomTags.Units),
            DecayCorrection = first.GetString(DicomTags.DecayCorrection),
            CorrectedImage = first.GetStrings(DicomTags.CorrectedImage),
            SeriesDate = SuvDicomText.TryParseDate(first.GetString(DicomTags.SeriesDate), out var seriesDate) ? seriesDate : null,
            SeriesDateTime = Combine(first.GetString(DicomTags.SeriesDate), first.GetString(DicomTags.SeriesTime)),
            AcquisitionDateTime = earliestAcquisition,
            RadiopharmaceuticalStartDateTime = DateTimeOf(radiopharmaceutical?.GetString(DicomTags.RadiopharmaceuticalStartDateTime)),
            RadiopharmaceuticalStartTime = radiopharmaceutical?.GetString(DicomTags.RadiopharmaceuticalStartTime),
            RadionuclideTotalDoseBq = OptionalDouble(radiopharmaceutical, DicomTags.RadionuclideTotalDose),
            RadionuclideHalfLifeSeconds = OptionalDouble(radiopharmaceutical, DicomTags.RadionuclideHalfLife),
            PatientWeightKg = OptionalDouble(first, DicomTags.PatientWeight),
            Manufacturer = first.GetString(DicomTags.Manufacturer),
            PhilipsSuvScaleFactor = OptionalDouble(first, DicomTags.PhilipsSuvScaleFactor),
            PhilipsActivityConcentrationScaleFactor = OptionalDouble(first, DicomTags.PhilipsActivityConcentrationScaleFactor),
            GePrivateScanDateTime = DateTimeOf(first.GetString(GePrivateScanDateTime)),
        };
    }

    private static DateTime? Combine(string? date, string? time) =>
        SuvDicomText.TryCombine(date, time, out var combined) ? combined : null;

    private static DateTime? DateTimeOf(string? dt) => SuvDicomText.TryParseDateTime(dt, out var parsed) ? parsed : null;

    private static double? OptionalDouble(DicomDataset? dataset, DicomTag tag) =>
        dataset is not null && dataset.TryGetDouble(tag, out var value) ? value : null;
}
