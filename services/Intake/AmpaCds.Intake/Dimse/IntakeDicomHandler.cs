using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using System.Diagnostics;
using AmpaCds.Intake.Diagnostics;
using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Validation;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Dimse;

/// <summary>Intake's C-STORE and C-FIND SCP logic; associations are kept as an audit trail in the log.</summary>
public sealed class IntakeDicomHandler(InstanceIntake intake, StudyRootFind find, IntakeMetrics metrics, ILogger<IntakeDicomHandler> logger) : IDicomServiceHandler
{
    public IReadOnlyCollection<string> SupportedSopClasses => PetInstanceValidator.SupportedSopClasses;

    public IReadOnlyCollection<string> SupportedQuerySopClasses { get; } = [DicomUids.StudyRootQueryRetrieveFind];

    public Task<CFindResult> OnCFindAsync(CFindRequest request, CancellationToken cancellationToken) => Task.FromResult(find.Find(request));

    public async Task<ushort> OnCStoreAsync(CStoreRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rejection = await intake.AcceptAsync(request.DatasetBytes, TransferSyntax.Parse(request.TransferSyntaxUid),
            request.AffectedSopClassUid, request.AffectedSopInstanceUid,
            $"{request.CallingAeTitle}@{request.RemoteEndPoint}", cancellationToken);
        metrics.CStoreHandled(Stopwatch.GetElapsedTime(started));
        return rejection?.Status ?? DicomStatus.Success;
    }

    public void OnAssociationAccepted(DicomAssociationInfo association)
    {
        metrics.AssociationOpened();
        logger.LogInformation("Association accepted from {CallingAe}@{Remote} to {CalledAe}",
            association.CallingAeTitle, association.RemoteEndPoint, association.CalledAeTitle);
    }

    public void OnAssociationRejected(DicomAssociationInfo association, AssociationRejection rejection) =>
        logger.LogWarning("Association from {CallingAe}@{Remote} to {CalledAe} rejected: result {Result}, source {Source}, reason {Reason}",
            association.CallingAeTitle, association.RemoteEndPoint, association.CalledAeTitle, rejection.Result, rejection.Source, rejection.Reason);

    // The server calls this exactly once for every association it accepted (released, aborted or dropped).
    public void OnAssociationClosed(DicomAssociationInfo association, bool aborted)
    {
        metrics.AssociationClosed();
        logger.LogInformation("Association from {CallingAe}@{Remote} {Outcome}",
            association.CallingAeTitle, association.RemoteEndPoint, aborted ? "aborted" : "released");
    }
}
