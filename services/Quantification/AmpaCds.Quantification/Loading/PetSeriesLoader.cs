using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Quantification.Loading;

/// <summary>
/// Turns the datasets of one PET series (single-frame PET or multi-frame Enhanced PET) into rescaled slices and SUV inputs. Rescale is applied
/// per slice because scanners may vary Rescale Slope from slice to slice.
/// </summary>
public static class PetSeriesLoader
{
    public static PetSeries Load(IReadOnlyList<DicomDataset> datasets)
    {
        if (datasets.Count == 0)
        {
            throw new PetSeriesException("the series has no instances");
        }
        var studyUid = datasets[0].GetString(DicomTags.StudyInstanceUID) ?? "";
        var seriesUid = datasets[0].GetString(DicomTags.SeriesInstanceUID) ?? "";
        if (datasets.Any(dataset => dataset.GetString(DicomTags.SeriesInstanceUID) != seriesUid))
        {
            throw new PetSeriesException("the instances belong to more than one series");
        }
        var modality = datasets[0].GetString(DicomTags.Modality);
        if (modality != "PT")
        {
            throw new PetSeriesException($"modality is {modality ?? "missing"}, not PT");
        }
        // Sequential on purpose: rescaling is cheap, and the first bad slice's reason reaches the caller unwrapped.
        var slices = datasets.SelectMany(dataset => EnhancedPetFrameReader.IsEnhancedPet(dataset)
            ? EnhancedPetFrameReader.Read(dataset)
            : [ToSlice(dataset)]).ToList();
        var suv = SuvInputsReader.Read(datasets);
        return new PetSeries(studyUid, seriesUid, slices, suv,
            PatientHeaderReader.PatientId(datasets[0]), PatientHeaderReader.AgeYears(datasets[0]), PatientHeaderReader.StudyDate(datasets[0]))
        {
            Acquisition = AcquisitionReader.Read(datasets, slices, suv),
        };
    }

    public static SliceImage ToSlice(DicomDataset dataset)
    {
        var rows = dataset.GetInt(DicomTags.Rows);
        var columns = dataset.GetInt(DicomTags.Columns);
        if (DicomPixelData.WhyNotReadable(dataset) is { } unreadable)
        {
            throw new PetSeriesException($"pixel data unreadable: {unreadable}");
        }
        var values = new float[rows * columns];
        try
        {
            DicomPixelData.CopyFrame(dataset, 0, values);
        }
        catch (Exception error) when (error is DicomFormatException or NotSupportedException or ArgumentException)
        {
            // Wrong size, colour or bit depth: a PET slice is one monochrome frame of Rows x Columns.
            throw new PetSeriesException($"pixel data unreadable: {error.Message}");
        }
        var slope = dataset.TryGetDouble(DicomTags.RescaleSlope, out var s) ? s : 1.0;
        var intercept = dataset.TryGetDouble(DicomTags.RescaleIntercept, out var i) ? i : 0.0;
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = (float)(values[index] * slope + intercept);
        }
        var position = dataset.GetDoubles(DicomTags.ImagePositionPatient);
        var spacing = dataset.GetDoubles(DicomTags.PixelSpacing);
        return new SliceImage(rows, columns, values, new Point3(position[0], position[1], position[2]),
            dataset.GetDoubles(DicomTags.ImageOrientationPatient), spacing[0], spacing[1],
            dataset.GetString(DicomTags.SOPInstanceUID),
            dataset.TryGetInt(DicomTags.InstanceNumber, out var number) ? number : null)
        {
            // Dynamic series: which time frame the slice belongs to, and for how long it was acquired.
            FrameReferenceTimeMs = dataset.TryGetDouble(DicomTags.FrameReferenceTime, out var reference) ? reference : null,
            FrameDurationMs = dataset.TryGetDouble(DicomTags.ActualFrameDuration, out var duration) ? duration : null,
        };
    }
}
