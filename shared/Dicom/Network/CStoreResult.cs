namespace AmpaCds.Dicom.Network;

/// <summary>Outcome of one C-STORE sent by <see cref="DicomClient.StoreAsync(IEnumerable{DicomFile}, CancellationToken)"/>.</summary>
public sealed record CStoreResult(string SopClassUid, string SopInstanceUid, ushort Status, string? ErrorComment = null)
{
    public bool IsSuccess => DicomStatus.IsSuccessOrWarning(Status);
}
