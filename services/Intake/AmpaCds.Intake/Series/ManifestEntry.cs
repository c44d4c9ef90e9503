namespace AmpaCds.Intake.Series;

/// <summary>One stored instance of a series: its SOP Instance UID and the SHA-256 (lower-case hex) of its stored bytes.</summary>
public readonly record struct ManifestEntry(string SopInstanceUid, string ContentSha256);
