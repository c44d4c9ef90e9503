using AmpaCds.Dicom;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Reporting.Studies;

/// <summary>
/// Reads the identifying fields the report shows from the first stored instance of a series,
/// headers only, so demographics never travel in messages.
/// </summary>
public sealed class PatientHeaderReader(IBlobStore blobs)
{
    public Task<PatientHeader?> ReadAsync(string seriesBlobPrefix, CancellationToken cancellationToken)
    {
        var firstInstance = blobs.List(seriesBlobPrefix).FirstOrDefault(key => key.EndsWith(".dcm", StringComparison.Ordinal));
        if (firstInstance is null)
        {
            return Task.FromResult<PatientHeader?>(null);
        }
        var file = DicomFile.Open(blobs.LocalPath(firstInstance), new DicomReadOptions { StopBeforePixelData = true });
        var dataset = file.Dataset;
        return Task.FromResult<PatientHeader?>(new PatientHeader(
            dataset.GetString(DicomTags.PatientName) ?? "",
            dataset.GetString(DicomTags.PatientID) ?? "",
            dataset.GetString(DicomTags.StudyDate) ?? "",
            dataset.GetString(DicomTags.StudyDescription) ?? ""));
    }
}
