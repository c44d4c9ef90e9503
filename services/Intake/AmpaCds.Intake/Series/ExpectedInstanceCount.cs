using AmpaCds.Dicom;

namespace AmpaCds.Intake.Series;

/// <summary>How many instances a series announces in its headers, when it does.</summary>
public static class ExpectedInstanceCount
{
    /// <summary>Number of Slices (0054,0081) counts one time frame; a dynamic series has that many per frame.</summary>
    public static int? From(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.TryGetInt(DicomTags.NumberOfSlices, out var slices) || slices <= 0)
        {
            return null;
        }
        var frames = dataset.TryGetInt(DicomTags.NumberOfTimeSlices, out var timeSlices) && timeSlices > 0 ? timeSlices : 1;
        return slices * frames;
    }
}
