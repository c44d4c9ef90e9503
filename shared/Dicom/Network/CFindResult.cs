namespace AmpaCds.Dicom.Network;

/// <summary>
/// The SCP's answer to one C-FIND: each match goes out as a pending response with <see cref="PendingStatus"/>
/// (0xFF00, or 0xFF01 when some optional keys asked for are not supported), then the final <see cref="Status"/>.
/// </summary>
public sealed record CFindResult(ushort Status, IReadOnlyList<DicomDataset> Matches, ushort PendingStatus = DicomStatus.Pending, string? Comment = null)
{
    public static CFindResult Refused(ushort status, string comment) => new(status, [], Comment: comment);
}
