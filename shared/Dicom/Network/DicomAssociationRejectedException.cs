namespace AmpaCds.Dicom.Network;

/// <summary>The called application refused the association with A-ASSOCIATE-RJ.</summary>
public sealed class DicomAssociationRejectedException(AssociationRejection rejection)
    : DicomNetworkException($"Association rejected: {rejection}.")
{
    public AssociationRejection Rejection { get; } = rejection;

    public byte Result => Rejection.Result;
    public byte RejectSource => Rejection.Source;
    public byte Reason => Rejection.Reason;
}
