using System.Text.Json.Nodes;
using AmpaCds.Dicom;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>The STOW-RS response (PS3.18 10.5.3): HTTP status and the DICOM JSON body.</summary>
public static class StowResponse
{
    /// <summary>200 all stored, 202 some failed, 409 all failed.</summary>
    public static int StatusCode(IReadOnlyCollection<StowOutcome> outcomes) =>
        outcomes.All(outcome => outcome.Stored) ? StatusCodes.Status200OK
        : outcomes.Any(outcome => outcome.Stored) ? StatusCodes.Status202Accepted
        : StatusCodes.Status409Conflict;

    /// <param name="studiesUrl">Absolute URL of /dicomweb/studies on this server.</param>
    /// <param name="targetStudy">Study of the request path, if any (its URL becomes the top-level RetrieveURL).</param>
    public static JsonObject Body(IReadOnlyCollection<StowOutcome> outcomes, string studiesUrl, string? targetStudy)
    {
        var body = new JsonObject();
        if (targetStudy is not null)
        {
            body.AddText(DicomWebTags.RetrieveURL, "UR", $"{studiesUrl}/{targetStudy}");
        }
        var failed = outcomes.Where(outcome => !outcome.Stored).Select(outcome => new JsonObject()
            .AddText(DicomTags.ReferencedSOPClassUID, "UI", outcome.SopClassUid)
            .AddText(DicomTags.ReferencedSOPInstanceUID, "UI", outcome.SopInstanceUid)
            .AddNumber(DicomWebTags.FailureReason, "US", outcome.FailureReason)).ToList();
        if (failed.Count > 0)
        {
            body.AddSequence(DicomWebTags.FailedSOPSequence, failed);
        }
        var stored = outcomes.Where(outcome => outcome.Stored).Select(outcome => new JsonObject()
            .AddText(DicomTags.ReferencedSOPClassUID, "UI", outcome.SopClassUid)
            .AddText(DicomTags.ReferencedSOPInstanceUID, "UI", outcome.SopInstanceUid)
            // Served by Intake's WADO-RS retrieve (WadoEndpoints), byte for byte as stored.
            .AddText(DicomWebTags.RetrieveURL, "UR",
                $"{studiesUrl}/{outcome.StudyUid}/series/{outcome.SeriesUid}/instances/{outcome.SopInstanceUid}")).ToList();
        if (stored.Count > 0)
        {
            body.AddSequence(DicomWebTags.ReferencedSOPSequence, stored);
        }
        return body;
    }
}
