using AmpaCds.Contracts.Messages;
using AmpaCds.Dicom;
using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Intake.Series;

/// <summary>
/// Reads the header fields the report shows from the first stored instance of a series (first in key
/// order, headers only), so Reporting learns them from a message instead of opening Intake's files.
/// </summary>
public sealed class SeriesDemographicsReader(IBlobStore blobs)
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    public async Task<StudyDemographicsCaptured> ReadAsync(Guid correlationId, CompletedSeries series, CancellationToken cancellationToken)
    {
        var firstKey = series.InstanceUids
            .Select(uid => SeriesKeys.Instance(series.StudyUid, series.SeriesUid, uid))
            .Min(StringComparer.Ordinal) ?? throw new InvalidOperationException($"series {series.SeriesUid} has no instances");
        DicomDataset dataset;
        await using (var stream = await blobs.OpenReadAsync(firstKey, cancellationToken))
        {
            dataset = DicomFile.Open(stream, HeaderOnly).Dataset;
        }
        return new StudyDemographicsCaptured(correlationId, series.StudyUid, series.SeriesUid,
            dataset.GetString(DicomTags.PatientName) ?? "",
            dataset.GetString(DicomTags.PatientID) ?? "",
            dataset.GetString(DicomTags.StudyDate) ?? "",
            dataset.GetString(DicomTags.StudyDescription) ?? "")
        {
            ReferringPhysicianName = dataset.GetString(DicomTags.ReferringPhysicianName) ?? "",
            PatientBirthDate = dataset.GetString(DicomTags.PatientBirthDate) ?? "",
            PatientSex = dataset.GetString(DicomTags.PatientSex) ?? "",
            StudyTime = dataset.GetString(DicomTags.StudyTime) ?? "",
            AccessionNumber = dataset.GetString(DicomTags.AccessionNumber) ?? "",
            StudyId = dataset.GetString(DicomTags.StudyID) ?? "",
            SopClassUid = dataset.GetString(DicomTags.SOPClassUID) ?? "",
        };
    }
}
