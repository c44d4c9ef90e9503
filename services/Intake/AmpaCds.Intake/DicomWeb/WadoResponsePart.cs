namespace AmpaCds.Intake.DicomWeb;

/// <summary>One part of a WADO-RS response: a stored file, sent as stored or converted to Explicit VR Little Endian.</summary>
public sealed record WadoResponsePart(WadoStoredFile File, bool Transcode);
