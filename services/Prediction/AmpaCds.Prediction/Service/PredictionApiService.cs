using AmpaCds.Contracts.Prediction;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Authorization;
using AmpaCds.Domain.Clinical;
using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Model;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Retraining;
using AmpaCds.Security.Audit;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// gRPC PredictionApi. Bad input is an answer with a status and the reason (INVALID_ARGUMENT, NOT_FOUND,
/// FAILED_PRECONDITION), never a forecast. Logs carry model versions and counts, no subject keys. Reads and writes go
/// through Prediction's repositories (one scope per call).
/// </summary>
public sealed class PredictionApiService(
    ActiveModel activeModel,
    PredictionDbContext db,
    RetrainingJobs retraining,
    TimeProvider clock,
    IAuditTrail trail,
    ILogger<PredictionApiService> logger)
    : PredictionApi.PredictionApiBase
{
    private readonly ForecastRepository _forecasts = new(db, clock);
    private readonly OutcomeRepository _outcomes = new(db, clock);
    private readonly ModelVersionRepository _versions = new(db, clock);

    [Authorize(Roles = Roles.Psychiatrist + "," + Roles.Service)]
    public override async Task<ForecastReply> Forecast(ForecastRequest request, ServerCallContext context)
    {
        using var lease = activeModel.Acquire();
        var model = lease.Model;
        var covariates = request is { HasAge: true, HasBaselineMadrs: true } ? new PatientCovariates(request.Age, request.BaselineMadrs) : null;
        DetailedForecast detail;
        try
        {
            detail = model.Forecast(request.SuvrByRegion, covariates);
        }
        catch (FeatureValidationException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"model {model.Version} refused the features ({error.Failure}): {error.Message}"));
        }

        if (request.SubjectKey.Length > 0)
        {
            await RecordForecastAsync(request, model.Version, detail, CancellationOf(context));
        }
        await AuditAsync(context, AuditEventKind.ForecastRequested, SubjectAndModel(request.SubjectKey, model.Version), $"model {model.Version}");

        return ForecastReplies.From(detail, model.Card);
    }

    [Authorize(Roles = Roles.ModelAdmin + "," + Roles.Psychiatrist)]
    public override async Task<ListModelsReply> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        var versions = await _versions.ListAsync(CancellationOf(context));
        var reply = new ListModelsReply { ActiveVersion = versions.FirstOrDefault(version => version.IsActive).Card?.Version ?? "" };
        reply.Models.AddRange(versions.Select(version => ForecastReplies.From(version.Card, version.IsActive)));
        return reply;
    }

    [Authorize(Roles = Roles.ModelAdmin)]
    public override async Task<ActivateModelReply> ActivateModel(ActivateModelRequest request, ServerCallContext context)
    {
        string previous;
        try
        {
            previous = activeModel.Activate(request.Version) ?? "";
        }
        catch (Exception error) when (error is UnknownModelVersionException or ArgumentException)
        {
            throw new RpcException(new Status(StatusCode.NotFound, error.Message));
        }

        logger.LogInformation("Activated model {Version} (was {Previous})", request.Version, previous);
        await AuditAsync(context, AuditEventKind.ModelChanged, [new AuditObject(AuditObjectKind.Model, request.Version)],
            $"activated (was '{previous}')");
        return new ActivateModelReply { ActiveVersion = request.Version, PreviousVersion = previous };
    }

    [Authorize(Roles = Roles.Psychiatrist)]
    public override async Task<RecordOutcomeReply> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var sex = request.Sex.ToLowerInvariant() switch
        {
            "" => (Sex?)null,
            "female" or "f" => Sex.Female,
            "male" or "m" => Sex.Male,
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"sex must be 'female', 'male' or empty, not '{request.Sex}'")),
        };
        var cancellationToken = CancellationOf(context);
        var forecast = await _forecasts.LatestForAsync(request.SubjectKey, cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "no forecast was issued for this subject key"));

        ObservedOutcomeRecord outcome;
        try
        {
            outcome = await _outcomes.RecordAsync(request.SubjectKey, request.BaselineMadrs, request.FollowUpMadrs,
                request.HasAge ? request.Age : null, sex, cancellationToken);
        }
        catch (OutcomeStoreException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }

        logger.LogInformation("Recorded an outcome against model {Version}", forecast.ModelVersion);
        await AuditAsync(context, AuditEventKind.OutcomeRecorded, SubjectAndModel(request.SubjectKey, forecast.ModelVersion), $"forecast model {forecast.ModelVersion}");
        return new RecordOutcomeReply
        {
            ObservedChangePercent = outcome.MadrsChangePercent,
            Responder = OutcomeCriteria.Default.IsResponder(outcome.MadrsChangePercent),
            ForecastResponseProbability = forecast.ResponseProbability,
            ForecastModelVersion = forecast.ModelVersion,
        };
    }

    [Authorize(Roles = Roles.ModelAdmin)]
    public override async Task<CalibrationReport> GetCalibrationReport(GetCalibrationReportRequest request, ServerCallContext context)
    {
        var reply = new CalibrationReport();
        reply.Rows.AddRange(CalibrationDriftReport.From(await _outcomes.PairsAsync(CancellationOf(context))).Rows.Select(ForecastReplies.From));
        return reply;
    }

    [Authorize(Roles = Roles.ModelAdmin)]
    public override async Task<RetrainFromOutcomesReply> RetrainFromOutcomes(RetrainFromOutcomesRequest request, ServerCallContext context)
    {
        var job = await retraining.EnqueueAsync(request.Seed == 0 ? 1 : request.Seed, request.Activate, CancellationOf(context));
        logger.LogInformation("Retraining job {Job} queued (activate: {Activate})", job.Id, job.Activate);
        if (job.Activate)
        {
            // The model changes when the job succeeds; the request to change it is what a person did.
            await AuditAsync(context, AuditEventKind.ModelChanged, [], $"retraining job {job.Id} queued to activate its model");
        }
        return new RetrainFromOutcomesReply { JobId = job.Id, State = RetrainingJobReplies.From(job.State) };
    }

    [Authorize(Roles = Roles.ModelAdmin)]
    public override async Task<Contracts.Prediction.RetrainingJob> GetRetrainingJob(GetRetrainingJobRequest request, ServerCallContext context) =>
        await retraining.FindAsync(request.JobId, CancellationOf(context)) is { } job
            ? RetrainingJobReplies.From(job)
            : throw new RpcException(new Status(StatusCode.NotFound, $"no retraining job '{request.JobId}'"));

    /// <summary>
    /// A forecast for a subject key is kept for outcomes and retraining, once per features and model: asking again with
    /// nothing changed adds no row (nor does a concurrent identical request that lost the race on the unique key).
    /// </summary>
    private async Task RecordForecastAsync(ForecastRequest request, string modelVersion, DetailedForecast detail, CancellationToken cancellationToken)
    {
        var suvr = request.SuvrByRegion.ToDictionary(StringComparer.Ordinal);
        double? age = request.HasAge ? request.Age : null;
        double? baselineMadrs = request.HasBaselineMadrs ? request.BaselineMadrs : null;
        var inputHash = FeatureHash.Of(suvr, age, baselineMadrs);
        if (await _forecasts.FindAsync(request.SubjectKey, inputHash, modelVersion, cancellationToken) is not null)
        {
            return;
        }

        _forecasts.Add(request.SubjectKey, inputHash, modelVersion, new StoredForecastFeatures(suvr, age, baselineMadrs),
            detail.Forecast.ResponseProbability, detail.Forecast.ExpectedMadrsChangePercent, correlationId: null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The subject key is the patient identifier Prediction knows (the clinic's pseudonym); names it never sees.</summary>
    private static IReadOnlyList<AuditObject> SubjectAndModel(string subjectKey, string modelVersion) => subjectKey.Length > 0
        ? [AuditObject.Patient(subjectKey), new AuditObject(AuditObjectKind.Model, modelVersion)]
        : [new AuditObject(AuditObjectKind.Model, modelVersion)];

    private Task AuditAsync(ServerCallContext? context, AuditEventKind kind, IReadOnlyList<AuditObject> objects, string detail)
    {
        // In-process callers (tests) have no HTTP request behind the call: recorded as anonymous, without an address.
        var actor = context is null ? AuditActors.From(null, null) : AuditActors.From(context.GetHttpContext());
        return trail.RecordAsync(new AuditEvent(kind, AuditOutcome.Success, clock.GetUtcNow(), actor, objects, detail), CancellationOf(context));
    }

    // In-process callers (tests) pass no call context.
    private static CancellationToken CancellationOf(ServerCallContext? context) => context?.CancellationToken ?? CancellationToken.None;
}
