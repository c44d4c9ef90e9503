namespace AmpaCds.Integration.Tests.PacsReturn;

/// <summary>One instance as Orthanc's REST API describes it (simplified tags).</summary>
public sealed record OrthancInstance(string Id, string Modality, string SopClassUid, string SopInstanceUid, string SeriesInstanceUid, string PatientId);
