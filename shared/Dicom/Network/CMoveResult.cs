namespace AmpaCds.Dicom.Network;

/// <summary>
/// Outcome of a C-MOVE: final status and the sub-operation counts (C-STOREs the SCP made to the destination).
/// Counts come from the final response, or from the last pending one when the SCP leaves them out of the final.
/// </summary>
public sealed record CMoveResult(
    ushort Status,
    int Completed,
    int Failed,
    int Warning,
    int Remaining,
    string? ErrorComment = null,
    IReadOnlyList<string>? FailedSopInstanceUids = null)
{
    /// <summary>Every sub-operation succeeded (0x0000); 0xB000 means some failed.</summary>
    public bool IsSuccess => Status == DicomStatus.Success;
}
