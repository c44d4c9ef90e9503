using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using System.Diagnostics;
using AmpaCds.Intake.Diagnostics;
using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Telemetry;
using AmpaCds.Intake.Validation;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Dimse;

/// <summary>Intake's C-STORE and C-FIND SCP logic; each association's end is logged here, its start by DicomServer.</summary>
public sealed class IntakeDicomHandler(InstanceIntake intake, StudyRootFind find, IntakeMetrics metrics, ILogger<IntakeDicomHandler> logger) : IDicomServiceHandler
{
    public IReadOnlyCollection<string> SupportedSopClasses => PetInstanceValidator.SupportedSopClasses;

    public IReadOnlyCollection<string> SupportedQuerySopClasses { get; } = [DicomUids.StudyRootQueryRetrieveFind];

    public Task<CFindResult> OnCFindAsync(CFindRequest request, CancellationToken cancellationToken) => Task.FromResult(find.Find(request));

    public async Task<ushort> OnCStoreAsync(CStoreRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = IntakeTelemetry.StartCStore(request.CallingAeTitle, request.AffectedSopInstanceUid);
        var rejection = await intake.AcceptAsync(request.DatasetBytes, TransferSyntax.Parse(request.TransferSyntaxUid),
            request.AffectedSopClassUid, request.AffectedSopInstanceUid,
            $"{request.CallingAeTitle}@{request.RemoteEndPoint}", cancellationToken);
        metrics.CStoreHandled(Stopwatch.GetElapsedTime(started));
        var status = rejection?.Status ?? DicomStatus.Success;
        activity?.SetTag("dicom.status", status);
        if (rejection is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, rejection.Reason);
        }
        return status;
    }

    // Accepted and rejected associations are logged once, by DicomServer (with the contexts, or with the rejection and
    // its detail); logging them here too gave two lines for one accept and three for one refused peer.
    public void OnAssociationAccepted(DicomAssociationInfo association) => metrics.AssociationOpened();

    // The server calls this exactly once for every association it accepted (released, aborted or dropped).
    public void OnAssociationClosed(DicomAssociationInfo association, bool aborted)
    {
        metrics.AssociationClosed();
        logger.LogInformation("Association from {CallingAe}@{Remote} {Outcome}",
            association.CallingAeTitle, association.RemoteEndPoint, aborted ? "aborted" : "released");
    }
}
