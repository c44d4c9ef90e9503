using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Validation;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Dimse;

/// <summary>Intake's C-STORE and C-FIND SCP logic; associations are kept as an audit trail in the log.</summary>
public sealed class IntakeDicomHandler(InstanceIntake intake, StudyRootFind find, ILogger<IntakeDicomHandler> logger) : IDicomServiceHandler
{
    public IReadOnlyCollection<string> SupportedSopClasses => PetInstanceValidator.SupportedSopClasses;

    public IReadOnlyCollection<string> SupportedQuerySopClasses { get; } = [DicomUids.StudyRootQueryRetrieveFind];

    public Task<CFindResult> OnCFindAsync(CFindRequest request, CancellationToken cancellationToken) => Task.FromResult(find.Find(request));

    public async Task<ushort> OnCStoreAsync(CStoreRequest request, CancellationToken cancellationToken)
    {
        var rejection = await intake.AcceptAsync(request.DatasetBytes, TransferSyntax.Parse(request.TransferSyntaxUid),
            request.AffectedSopClassUid, request.AffectedSopInstanceUid,
            $"{request.CallingAeTitle}@{request.RemoteEndPoint}", cancellationToken);
        return rejection?.Status ?? DicomStatus.Success;
    }

    public void OnAssociationAccepted(DicomAssociationInfo association) =>
        logger.LogInformation("Association accepted from {CallingAe}@{Remote} to {CalledAe}",
            association.CallingAeTitle, association.RemoteEndPoint, association.CalledAeTitle);

    public void OnAssociationRejected(DicomAssociationInfo association, AssociationRejection rejection) =>
        logger.LogWarning("Association from {CallingAe}@{Remote} to {CalledAe} rejected: result {Result}, source {Source}, reason {Reason}",
            association.CallingAeTitle, association.RemoteEndPoint, association.CalledAeTitle, rejection.Result, rejection.Source, rejection.Reason);

    public void OnAssociationClosed(DicomAssociationInfo association, bool aborted) =>
        logger.LogInformation("Association from {CallingAe}@{Remote} {Outcome}",
            association.CallingAeTitle, association.RemoteEndPoint, aborted ? "aborted" : "released");
}
