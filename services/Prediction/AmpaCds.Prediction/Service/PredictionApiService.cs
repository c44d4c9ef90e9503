using AmpaCds.Contracts.Prediction;
using AmpaCds.Domain.Clinical;
using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Retraining;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// gRPC PredictionApi. Bad input is an answer with a status and the reason (INVALID_ARGUMENT, NOT_FOUND,
/// FAILED_PRECONDITION), never a forecast. Logs carry model versions and counts, no subject keys.
/// </summary>
public sealed class PredictionApiService(ActiveModel activeModel, OutcomeStore outcomes, RetrainingJobs retraining, ILogger<PredictionApiService> logger)
    : PredictionApi.PredictionApiBase
{
    public override Task<ForecastReply> Forecast(ForecastRequest request, ServerCallContext context)
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
            outcomes.RecordForecast(new IssuedForecastRecord(request.SubjectKey, model.Version, request.SuvrByRegion.ToDictionary(),
                detail.Forecast.ResponseProbability, detail.Forecast.ExpectedMadrsChangePercent, DateTimeOffset.UtcNow));
        }

        return Task.FromResult(ForecastReplies.From(detail, model.Card));
    }

    public override Task<ListModelsReply> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        var active = activeModel.Registry.ActiveVersion;
        var reply = new ListModelsReply { ActiveVersion = active ?? "" };
        reply.Models.AddRange(activeModel.Registry.ListVersions().Select(card => ForecastReplies.From(card, active)));
        return Task.FromResult(reply);
    }

    public override Task<ActivateModelReply> ActivateModel(ActivateModelRequest request, ServerCallContext context)
    {
        var previous = activeModel.Registry.ActiveVersion ?? "";
        try
        {
            activeModel.Registry.Activate(request.Version);
        }
        catch (Exception error) when (error is DirectoryNotFoundException or ArgumentException)
        {
            throw new RpcException(new Status(StatusCode.NotFound, error.Message));
        }

        logger.LogInformation("Activated model {Version} (was {Previous})", request.Version, previous);
        return Task.FromResult(new ActivateModelReply { ActiveVersion = request.Version, PreviousVersion = previous });
    }

    public override Task<RecordOutcomeReply> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var sex = request.Sex.ToLowerInvariant() switch
        {
            "" => (Sex?)null,
            "female" or "f" => Sex.Female,
            "male" or "m" => Sex.Male,
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"sex must be 'female', 'male' or empty, not '{request.Sex}'")),
        };
        var outcome = new ObservedOutcomeRecord(request.SubjectKey, request.BaselineMadrs, request.FollowUpMadrs,
            request.HasAge ? request.Age : null, sex, DateTimeOffset.UtcNow);
        if (!outcomes.LatestForecasts().TryGetValue(request.SubjectKey, out var forecast))
        {
            throw new RpcException(new Status(StatusCode.NotFound, "no forecast was issued for this subject key"));
        }

        try
        {
            outcomes.RecordOutcome(outcome);
        }
        catch (OutcomeStoreException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }

        logger.LogInformation("Recorded an outcome against model {Version}", forecast.ModelVersion);
        return Task.FromResult(new RecordOutcomeReply
        {
            ObservedChangePercent = outcome.MadrsChangePercent,
            Responder = OutcomeCriteria.Default.IsResponder(outcome.MadrsChangePercent),
            ForecastResponseProbability = forecast.ResponseProbability,
            ForecastModelVersion = forecast.ModelVersion,
        });
    }

    public override Task<CalibrationReport> GetCalibrationReport(GetCalibrationReportRequest request, ServerCallContext context)
    {
        var reply = new CalibrationReport();
        reply.Rows.AddRange(CalibrationDriftReport.From(outcomes.Pairs()).Rows.Select(ForecastReplies.From));
        return Task.FromResult(reply);
    }

    public override Task<RetrainFromOutcomesReply> RetrainFromOutcomes(RetrainFromOutcomesRequest request, ServerCallContext context)
    {
        var job = retraining.Enqueue(request.Seed == 0 ? 1 : request.Seed, request.Activate);
        logger.LogInformation("Retraining job {Job} queued (activate: {Activate})", job.Id, job.Activate);
        return Task.FromResult(new RetrainFromOutcomesReply { JobId = job.Id, State = RetrainingJobReplies.From(job.State) });
    }

    public override Task<Contracts.Prediction.RetrainingJob> GetRetrainingJob(GetRetrainingJobRequest request, ServerCallContext context) =>
        Task.FromResult(retraining.Find(request.JobId) is { } job
            ? RetrainingJobReplies.From(job)
            : throw new RpcException(new Status(StatusCode.NotFound, $"no retraining job '{request.JobId}' (ids are forgotten after a restart)")));
}
