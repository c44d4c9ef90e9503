namespace AmpaCds.Dicom.Network;

/// <summary>DIMSE status codes (PS3.7 Annex C, PS3.4 B.2.3).</summary>
public static class DicomStatus
{
    public const ushort Success = 0x0000;
    public const ushort SopClassNotSupported = 0x0122;
    public const ushort UnrecognizedOperation = 0x0211;
    public const ushort ProcessingFailure = 0x0110;
    public const ushort DuplicateSopInstance = 0x0111;
    public const ushort OutOfResources = 0xA700;
    public const ushort DatasetDoesNotMatchSopClass = 0xA900;
    public const ushort CannotUnderstand = 0xC000;
    public const ushort CoercionOfDataElements = 0xB000;
    public const ushort ElementsDiscarded = 0xB006;
    public const ushort DatasetDoesNotMatchSopClassWarning = 0xB007;
    public const ushort SubOperationsCompleteWithFailures = 0xB000;
    public const ushort MoveDestinationUnknown = 0xA801;
    public const ushort Cancel = 0xFE00;
    public const ushort Pending = 0xFF00;
    public const ushort PendingWithOptionalKeysUnsupported = 0xFF01;

    /// <summary>C-FIND/C-MOVE pending statuses: more responses follow for the same request.</summary>
    public static bool IsPending(ushort status) => status is Pending or PendingWithOptionalKeysUnsupported;

    /// <summary>Success or warning (0xB0xx, 0x0001, 0x0107, 0x0116): the instance was stored.</summary>
    public static bool IsSuccessOrWarning(ushort status) =>
        status == Success || (status & 0xF000) == 0xB000 || status == 0x0001 || status == 0x0107 || status == 0x0116;
}
