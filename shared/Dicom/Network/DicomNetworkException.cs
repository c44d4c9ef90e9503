using AmpaCds.Domain;

namespace AmpaCds.Dicom.Network;

/// <summary>A network-level failure: peer abort, unexpected PDU, failed DIMSE status, timeout.</summary>
public class DicomNetworkException : AmpaCdsException
{
    public DicomNetworkException(string message, ushort? status = null) : base(message)
    {
        Status = status;
    }

    public DicomNetworkException(string message, Exception inner) : base(message, inner) { }

    /// <summary>DIMSE status when the failure is a non-success response.</summary>
    public ushort? Status { get; }
}
