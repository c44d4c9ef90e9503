using System.Net;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Access;

namespace AmpaCds.Intake.Dimse;

/// <summary>The DICOM server settings both Intake ports share, so the TLS port answers exactly as the plain one.</summary>
public static class IntakeDicomServerOptions
{
    public static DicomServerOptions For(IntakeOptions settings, PeerAccessPolicy access, int port) => new()
    {
        Port = port,
        BindAddress = IPAddress.Parse(settings.BindAddress),
        AeTitle = settings.AeTitle,
        AllowedCallingAeTitles = settings.AllowedCallingAeTitles,
        MaxAssociations = settings.MaxAssociations,
        AssociationFilter = access.Evaluate,
        TransferSyntaxes = DicomListenerService.AcceptedTransferSyntaxes,
    };
}
