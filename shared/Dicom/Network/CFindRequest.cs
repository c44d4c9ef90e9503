namespace AmpaCds.Dicom.Network;

/// <summary>A C-FIND request as the SCP handler sees it: the identifier (matching and return keys) and who asked.</summary>
public sealed record CFindRequest(string AffectedSopClassUid, DicomDataset Identifier, string CallingAeTitle, System.Net.EndPoint? RemoteEndPoint);
