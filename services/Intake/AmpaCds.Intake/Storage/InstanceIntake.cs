using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Diagnostics;
using AmpaCds.Intake.Series;
using AmpaCds.Intake.Validation;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Storage;

/// <summary>
/// The one path every instance takes, whether it came by C-STORE or from a folder: parse,
/// validate, make durable, then count it towards its series. Success is only reported after
/// the bytes are on disk; every refusal is logged with its reason and the sender's identity.
/// </summary>
public sealed class InstanceIntake(
    IBlobStore blobs,
    DurableInstanceStore store,
    SeriesTracker tracker,
    SeriesCompletionQueue completions,
    IOptions<IntakeOptions> options,
    IntakeMetrics metrics,
    ILogger<InstanceIntake> logger)
{
    public async Task<InstanceRejection?> AcceptAsync(ReadOnlyMemory<byte> datasetBytes, TransferSyntax syntax,
        string affectedSopClassUid, string affectedSopInstanceUid, string source, CancellationToken cancellationToken)
    {
        DicomDataset dataset;
        try
        {
            dataset = DicomDatasetReader.Read(datasetBytes, syntax);
        }
        catch (DicomFormatException error)
        {
            return Refuse(new InstanceRejection(DicomStatus.CannotUnderstand, error.Message), source, datasetBytes.Length);
        }
        if (PetInstanceValidator.Validate(dataset, affectedSopClassUid, affectedSopInstanceUid, syntax) is { } rejection)
        {
            return Refuse(rejection, source, datasetBytes.Length);
        }
        if (blobs.AvailableFreeBytes() < options.Value.MinimumFreeDiskBytes)
        {
            return Refuse(new InstanceRejection(DicomStatus.OutOfResources, "storage is nearly full"), source, datasetBytes.Length);
        }

        var studyUid = dataset.GetString(DicomTags.StudyInstanceUID)!;
        var seriesUid = dataset.GetString(DicomTags.SeriesInstanceUID)!;
        var sopUid = dataset.GetString(DicomTags.SOPInstanceUID)!;
        // UIDs, never patient identifiers, on the receiving span (C-STORE or STOW-RS request).
        System.Diagnostics.Activity.Current?.SetTag("dicom.study_instance_uid", studyUid);
        System.Diagnostics.Activity.Current?.SetTag("dicom.series_instance_uid", seriesUid);
        try
        {
            // The received bytes are stored as they came (no re-encoding); only Big Endian, which we do not write, is converted.
            var file = syntax.CanWrite
                ? DicomPart10Writer.Write(datasetBytes.Span, syntax.Uid, dataset.GetString(DicomTags.SOPClassUID)!, sopUid)
                : DicomFile.Create(dataset, TransferSyntax.ExplicitVRLittleEndian.Uid).ToBytes();
            await store.StoreAsync(SeriesKeys.Instance(studyUid, seriesUid, sopUid), file, cancellationToken);
        }
        catch (IOException error)
        {
            return Refuse(new InstanceRejection(DicomStatus.OutOfResources, $"instance could not be stored: {error.Message}"), source, datasetBytes.Length);
        }
        metrics.InstanceReceived(datasetBytes.Length);

        if (tracker.Register(studyUid, seriesUid, sopUid, ExpectedInstanceCount.From(dataset), source) is { } completed)
        {
            completions.Enqueue(completed);
        }
        return null;
    }

    private InstanceRejection Refuse(InstanceRejection rejection, string source, int bytes)
    {
        metrics.InstanceRefused(bytes, rejection.Status);
        logger.LogWarning("Instance from {Source} refused with status 0x{Status:X4}: {Reason}", source, rejection.Status, rejection.Reason);
        return rejection;
    }
}
