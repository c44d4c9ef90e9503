using AmpaCds.Contracts.Messages;
using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Quantification.Loading;

/// <summary>
/// The scanner, reconstruction and injection details of a series for the report's quality panel. Reads equipment
/// and protocol attributes only, never the patient module. Missing attributes stay null: a report can say "not
/// recorded", while a refusal here would withhold a valid measurement.
/// </summary>
public static class AcquisitionReader
{
    private const double BqPerMBq = 1e6;

    public static PetAcquisition Read(IReadOnlyList<DicomDataset> series, IReadOnlyList<SliceImage> slices, SuvInputs suv)
    {
        var first = series[0];
        var radiopharmaceutical = first.TryGetSequence(DicomTags.RadiopharmaceuticalInformationSequence, out var items) && items.Count > 0
            ? items[0]
            : null;
        var (rowSpacing, columnSpacing) = slices.Count > 0 ? (slices[0].RowSpacing, slices[0].ColumnSpacing) : ((double?)null, (double?)null);
        return new PetAcquisition(
            Text(first, DicomTags.Manufacturer),
            Text(first, DicomTags.ManufacturerModelName),
            Text(first, DicomTags.ReconstructionMethod),
            Text(first, DicomTags.ConvolutionKernel),
            Text(first, DicomTags.AttenuationCorrectionMethod),
            Text(first, DicomTags.DecayCorrection),
            RadiopharmaceuticalName(radiopharmaceutical),
            suv.RadionuclideTotalDoseBq is { } bq ? bq / BqPerMBq : null,
            MinutesFromInjection(suv),
            first.TryGetDouble(DicomTags.SliceThickness, out var thickness) ? thickness : null,
            rowSpacing,
            columnSpacing,
            slices.Count);
    }

    /// <summary>The text (0018,0031), else the code meaning of the Radiopharmaceutical Code Sequence, which some scanners write instead.</summary>
    private static string? RadiopharmaceuticalName(DicomDataset? item)
    {
        if (item is null)
        {
            return null;
        }
        if (Text(item, DicomTags.Radiopharmaceutical) is { } name)
        {
            return name;
        }
        return item.TryGetSequence(DicomTags.RadiopharmaceuticalCodeSequence, out var codes) && codes.Count > 0
            ? Text(codes[0], DicomTags.CodeMeaning)
            : null;
    }

    /// <summary>
    /// The injection (the full date-time when written, else the start time on the acquisition's day, as the SUV rules
    /// combine them) to the earliest acquisition of the series.
    /// </summary>
    private static double? MinutesFromInjection(SuvInputs suv)
    {
        var acquired = suv.AcquisitionDateTime ?? suv.SeriesDateTime;
        if (acquired is not { } acquisition)
        {
            return null;
        }
        var injected = suv.RadiopharmaceuticalStartDateTime;
        if (injected is null && SuvDicomText.TryParseTime(suv.RadiopharmaceuticalStartTime, out var timeOfDay))
        {
            injected = acquisition.Date + timeOfDay;
        }
        return injected is { } injection ? (acquisition - injection).TotalMinutes : null;
    }

    private static string? Text(DicomDataset dataset, DicomTag tag) =>
        dataset.GetString(tag) is { } text && text.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
