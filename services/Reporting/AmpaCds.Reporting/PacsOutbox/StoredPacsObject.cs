namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>One made object: its SOP Instance UID and the blob holding its Part 10 file.</summary>
public sealed record StoredPacsObject(string SopInstanceUid, string BlobKey);
