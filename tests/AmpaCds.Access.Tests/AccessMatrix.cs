using AmpaCds.Security.Access;

namespace AmpaCds.Access.Tests;

/// <summary>
/// The role/endpoint matrix as documented (docs/SECURITY.md): who may call what. The tests compare every
/// mapped endpoint's declared roles with this table, so widening an endpoint's roles, or adding one, is a
/// deliberate change here and in the docs, never an accident.
/// </summary>
public static class AccessMatrix
{
    private static readonly string[] PacsSystems = [Roles.PacsAdmin, Roles.Service];

    public static IReadOnlyDictionary<string, string[]> Expected { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Reporting gateway (gRPC)
        ["/ampacds.reporting.v1.ReportingApi/ListStudies"] = [Roles.Psychiatrist, Roles.PacsAdmin],
        ["/ampacds.reporting.v1.ReportingApi/GetReport"] = [Roles.Psychiatrist],
        ["/ampacds.reporting.v1.ReportingApi/RequestPrediction"] = [Roles.Psychiatrist],
        ["/ampacds.reporting.v1.ReportingApi/WatchStudy"] = [Roles.Psychiatrist, Roles.PacsAdmin],
        ["/ampacds.reporting.v1.ReportingApi/ListPacsDeliveries"] = [Roles.PacsAdmin],
        ["/ampacds.reporting.v1.ReportingApi/ReplayPacsDeliveries"] = [Roles.PacsAdmin],
        // Portal in the gateway (cookie session; the issuer's sign-in endpoints are open, see EndpointAccessTests)
        ["POST /portal/signout"] = [.. Roles.People],
        ["GET /portal/"] = [Roles.Psychiatrist],
        ["GET /portal/studies/{studyUid}"] = [Roles.Psychiatrist],
        ["GET /portal/studies/{studyUid}/figures/{version}/{figure}.png"] = [Roles.Psychiatrist],
        ["GET /portal/studies/{studyUid}/report.pdf"] = [Roles.Psychiatrist],
        ["GET /portal/studies/{studyUid}/report.html"] = [Roles.Psychiatrist],
        ["GET /portal/events"] = [Roles.Psychiatrist],
        ["POST /portal/studies/{studyUid}/forecast"] = [Roles.Psychiatrist],
        ["POST /portal/studies/{studyUid}/outcome"] = [Roles.Psychiatrist],
        ["POST /portal/language"] = [.. Roles.People],
        ["GET /portal/ops/"] = [Roles.Ops],
        ["POST /portal/ops/dead-letters/replay"] = [Roles.Ops],
        ["GET /portal/research/"] = [Roles.Researcher],
        ["GET /portal/research/analyses/{analysisId}"] = [Roles.Researcher],
        ["GET /portal/research/analyses/{analysisId}/{plot}.png"] = [Roles.Researcher],
        ["GET /portal/research/analyses/{analysisId}/summary.html"] = [Roles.Researcher],
        // Operations in the gateway (gRPC): the broker's dead letters
        ["/ampacds.operations.v1.OperationsApi/ListDeadLetters"] = [Roles.Ops],
        ["/ampacds.operations.v1.OperationsApi/ReplayDeadLetters"] = [Roles.Ops],
        // Research analyses in the gateway (gRPC): de-identified cohort statistics
        ["/ampacds.research.v1.ResearchApi/PublishAnalysis"] = [Roles.Researcher],
        ["/ampacds.research.v1.ResearchApi/ListAnalyses"] = [Roles.Researcher],
        ["/ampacds.research.v1.ResearchApi/GetAnalysis"] = [Roles.Researcher],
        // Audit record repository in the gateway (gRPC)
        ["/ampacds.audit.v1.AuditApi/ListAuditEvents"] = [Roles.Auditor],
        // Prediction (gRPC)
        ["/ampacds.prediction.v1.PredictionApi/Forecast"] = [Roles.Psychiatrist, Roles.Service],
        ["/ampacds.prediction.v1.PredictionApi/ListModels"] = [Roles.ModelAdmin, Roles.Psychiatrist],
        ["/ampacds.prediction.v1.PredictionApi/ActivateModel"] = [Roles.ModelAdmin],
        ["/ampacds.prediction.v1.PredictionApi/RecordOutcome"] = [Roles.Psychiatrist],
        ["/ampacds.prediction.v1.PredictionApi/GetCalibrationReport"] = [Roles.ModelAdmin],
        ["/ampacds.prediction.v1.PredictionApi/RetrainFromOutcomes"] = [Roles.ModelAdmin],
        ["/ampacds.prediction.v1.PredictionApi/GetRetrainingJob"] = [Roles.ModelAdmin],
        // Quantification's map API: the gateway's figures
        ["GET /api/maps/{study}/{series}/{map}"] = [Roles.Service],
        // Intake DICOMweb: STOW-RS, QIDO-RS, WADO-RS
        ["POST /dicomweb/studies"] = PacsSystems,
        ["POST /dicomweb/studies/{study}"] = PacsSystems,
        ["GET /dicomweb/studies"] = PacsSystems,
        ["GET /dicomweb/series"] = PacsSystems,
        ["GET /dicomweb/studies/{study}/series"] = PacsSystems,
        ["GET /dicomweb/studies/{study}"] = PacsSystems,
        ["GET /dicomweb/studies/{study}/series/{series}"] = PacsSystems,
        ["GET /dicomweb/studies/{study}/series/{series}/instances/{sop}"] = PacsSystems,
        ["GET /dicomweb/studies/{study}/metadata"] = PacsSystems,
        ["GET /dicomweb/studies/{study}/series/{series}/metadata"] = PacsSystems,
        ["GET /dicomweb/studies/{study}/series/{series}/instances/{sop}/metadata"] = PacsSystems,
    };
}
