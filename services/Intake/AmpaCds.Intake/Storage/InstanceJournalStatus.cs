namespace AmpaCds.Intake.Storage;

/// <param name="PendingFiles">Acknowledged instances whose own file is not written yet (they are safe in the journal).</param>
/// <param name="FileWriteFailure">Why writing instance files fails, while it does (the writer keeps retrying).</param>
public sealed record InstanceJournalStatus(
    bool UsesJournal, bool Open, long PendingFiles, long PendingBytes, string? FileWriteFailure);
