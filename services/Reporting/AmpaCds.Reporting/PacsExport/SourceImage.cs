namespace AmpaCds.Reporting.PacsExport;

/// <summary>One instance of the measured PET series, referenced as evidence by the measurement report.</summary>
public sealed record SourceImage(string SopClassUid, string SopInstanceUid);
