namespace AmpaCds.Dicom.Network;

/// <summary>Result/reason of a presentation context in A-ASSOCIATE-AC (PS3.8 9.3.3.2).</summary>
public enum PresentationContextResult : byte
{
    Acceptance = 0,
    UserRejection = 1,
    NoReason = 2,
    AbstractSyntaxNotSupported = 3,
    TransferSyntaxesNotSupported = 4,
    Proposed = 0xFF, // not on the wire: context in a request, before negotiation
}
