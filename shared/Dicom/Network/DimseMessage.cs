namespace AmpaCds.Dicom.Network;

/// <summary>A reassembled DIMSE message: command set plus the raw dataset bytes (if any) as received.</summary>
internal sealed record DimseMessage(byte PresentationContextId, DicomDataset Command, ReadOnlyMemory<byte>? DataSet);
