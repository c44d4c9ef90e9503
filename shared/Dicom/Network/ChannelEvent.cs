namespace AmpaCds.Dicom.Network;

/// <summary>What <see cref="DicomChannel.ReceiveAsync"/> produced: a complete DIMSE message, a control PDU, or end of stream.</summary>
internal sealed record ChannelEvent(PduType? Type, byte[]? Body, DimseMessage? Message)
{
    public static readonly ChannelEvent Closed = new(null, null, null);

    public bool IsClosed => Type is null;
}
