using System.Globalization;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// Turns a destination's answer into delivered, retry or refused (PS3.4 B.2.3, PS3.7 C). Only conditions that can
/// pass by themselves are retried (out of resources, processing failure, a transient association rejection, the
/// network); a refusal that the same bytes would get again goes to the dead-letter list instead of looping.
/// </summary>
public static class PacsStatusClassifier
{
    public static PacsStoreOutcome FromStatus(ushort status, string? comment)
    {
        var text = Describe(status, comment);
        return status switch
        {
            DicomStatus.Success => new PacsStoreOutcome(PacsStoreResult.Delivered, status, null),
            // Warnings: stored, with a remark worth showing.
            0x0001 or 0x0107 or 0x0116 or (>= 0xB000 and <= 0xBFFF) => new PacsStoreOutcome(PacsStoreResult.Delivered, status, "warning: " + text),
            // The deterministic UID means the destination already holds this very object (a send whose answer was lost).
            DicomStatus.DuplicateSopInstance => new PacsStoreOutcome(PacsStoreResult.Delivered, status, "the destination already held it"),
            DicomStatus.ProcessingFailure or 0x0213 or (>= 0xA700 and <= 0xA7FF) => new PacsStoreOutcome(PacsStoreResult.Retry, status, text),
            _ => new PacsStoreOutcome(PacsStoreResult.Refused, status, text),
        };
    }

    public static PacsStoreOutcome FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            DicomAssociationRejectedException { Result: 1 } rejected =>
                new PacsStoreOutcome(PacsStoreResult.Refused, null, $"association rejected permanently: {rejected.Rejection.Description}"),
            DicomAssociationRejectedException rejected =>
                new PacsStoreOutcome(PacsStoreResult.Retry, null, $"association rejected for now: {rejected.Rejection.Description}"),
            _ => new PacsStoreOutcome(PacsStoreResult.Retry, null, $"{exception.GetType().Name}: {exception.Message}"),
        };
    }

    private static string Describe(ushort status, string? comment)
    {
        var name = status switch
        {
            DicomStatus.SopClassNotSupported => "SOP class not supported",
            0x0124 => "not authorized",
            DicomStatus.ProcessingFailure => "processing failure",
            DicomStatus.DuplicateSopInstance => "duplicate SOP instance",
            0x0213 => "resource limitation",
            >= 0xA700 and <= 0xA7FF => "out of resources",
            >= 0xA900 and <= 0xA9FF => "data set does not match SOP class",
            >= 0xC000 and <= 0xCFFF => "cannot understand",
            >= 0xB000 and <= 0xBFFF => "coercion, elements discarded or data set mismatch (warning)",
            _ => "failure",
        };
        var status4 = status.ToString("X4", CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(comment) ? $"status 0x{status4} ({name})" : $"status 0x{status4} ({name}): {comment.Trim()}";
    }
}
