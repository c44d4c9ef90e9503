namespace AmpaCds.Dicom.Network;

/// <summary>Contents of an A-ASSOCIATE-RQ or -AC PDU (PS3.8 9.3.2/9.3.3).</summary>
public sealed record AssociationParameters
{
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    public required string CalledAeTitle { get; init; }
    public required string CallingAeTitle { get; init; }
    public string ApplicationContextName { get; init; } = DicomApplicationContext;
    public IReadOnlyList<PresentationContext> PresentationContexts { get; init; } = [];

    /// <summary>Largest P-DATA-TF PDU body the sender can receive; 0 = unlimited.</summary>
    public uint MaxPduLength { get; init; } = 65536;
    public string ImplementationClassUid { get; init; } = DicomImplementation.ClassUid;
    public string? ImplementationVersionName { get; init; } = DicomImplementation.VersionName;
}
