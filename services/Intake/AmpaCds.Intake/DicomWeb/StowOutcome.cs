namespace AmpaCds.Intake.DicomWeb;

/// <summary>What happened to one part of a STOW-RS request. UIDs are empty when the part could not be read.</summary>
public sealed record StowOutcome(string SopClassUid, string SopInstanceUid, string? StudyUid, string? SeriesUid, ushort? FailureReason, string? Reason)
{
    public bool Stored => FailureReason is null;

    public static StowOutcome Success(string sopClassUid, string sopInstanceUid, string studyUid, string seriesUid) =>
        new(sopClassUid, sopInstanceUid, studyUid, seriesUid, null, null);

    public static StowOutcome Failure(string sopClassUid, string sopInstanceUid, ushort status, string reason) =>
        new(sopClassUid, sopInstanceUid, null, null, status, reason);
}
