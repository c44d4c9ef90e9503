using AmpaCds.Contracts.Prediction;
using AmpaCds.Domain.Clinical;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Retraining;
using AmpaCds.Prediction.Service;
using AmpaCds.Prediction.Training;
using AmpaCds.Prediction.Tests.Support;
using AmpaCds.Research.Synthetic.Cohort;
using AmpaCds.Security.Audit;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmpaCds.Prediction.Tests;

/// <summary>
/// The gRPC PredictionApi in process over a real database (its methods do not need the call context): forecast,
/// outcomes, drift, retraining.
/// </summary>
public abstract class OutcomeLoopTests(string provider) : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ampacds-outcomes-");
    private PredictionDatabase _database = null!;
    private AsyncServiceScope _scope;
    private ActiveModel _active = null!;
    private RetrainingJobs _jobs = null!;
    private RetrainingJobRunner _runner = null!;
    private readonly RecordingAuditTrail _audit = new();
    private PredictionApiService _api = null!;

    public async Task InitializeAsync()
    {
        _database = await PredictionDatabase.CreateAsync(provider);
        var scopes = _database.Services.GetRequiredService<IServiceScopeFactory>();
        _active = new ActiveModel(new ModelRegistry(Path.Combine(_folder.FullName, "models")),
            _database.Services.GetRequiredService<IModelCatalog>(), TimeProvider.System, TimeSpan.FromSeconds(2));
        _active.Register(SharedModels.Default);
        _active.Activate(SharedModels.Default.Version);
        _jobs = new RetrainingJobs(scopes, TimeProvider.System);
        _scope = _database.Services.CreateAsyncScope();
        _api = new PredictionApiService(_active, _scope.ServiceProvider.GetRequiredService<PredictionDbContext>(), _jobs, TimeProvider.System,
            _audit, NullLogger<PredictionApiService>.Instance);
        _runner = new RetrainingJobRunner(_jobs, scopes, _active, NullLogger<RetrainingJobRunner>.Instance);
    }

    [Fact]
    public async Task Forecast_returns_interval_contributions_and_card_summary()
    {
        var reply = await _api.Forecast(Request("study-1", SharedModels.PatientSuvr()), null!);

        Assert.Equal(SharedModels.Default.Predict(SharedModels.PatientSuvr()).ResponseProbability, reply.ResponseProbability);
        Assert.True(reply.ResponseProbabilityInterval90.Lower < reply.ResponseProbabilityInterval90.Upper);
        Assert.Equal(18, reply.Contributions.Count);
        Assert.Equal(SharedModels.Default.Version, reply.ModelVersion);
        Assert.Contains("trained on synthetic data", reply.ModelCardSummary);
        Assert.Equal(["study-1"], (await LatestForecastsAsync()).Keys);

        // The same features for the same subject and model again: no second row.
        await _api.Forecast(Request("study-1", SharedModels.PatientSuvr()), null!);
        Assert.Equal(1, await _database.InScopeAsync(services => services.GetRequiredService<PredictionDbContext>().IssuedForecasts.CountAsync()));
    }

    [Fact]
    public async Task Features_from_another_atlas_are_refused_with_invalid_argument()
    {
        var suvr = SharedModels.PatientSuvr();
        suvr["dorsolateral_prefrontal"] = 1.2;

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.Forecast(Request("study-x", suvr), null!));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("dorsolateral_prefrontal", error.Status.Detail);
        Assert.Empty(await LatestForecastsAsync());
    }

    [Fact]
    public async Task Outcome_without_a_forecast_or_out_of_range_is_refused()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _api.RecordOutcome(new RecordOutcomeRequest { SubjectKey = "never-forecast", BaselineMadrs = 30, FollowUpMadrs = 10 }, null!));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        await _api.Forecast(Request("study-2", SharedModels.PatientSuvr()), null!);
        var range = await Assert.ThrowsAsync<RpcException>(() =>
            _api.RecordOutcome(new RecordOutcomeRequest { SubjectKey = "study-2", BaselineMadrs = 30, FollowUpMadrs = 75 }, null!));
        Assert.Equal(StatusCode.InvalidArgument, range.StatusCode);
    }

    [Fact]
    public async Task Recorded_outcomes_give_a_drift_report_and_a_retrained_model()
    {
        // 40 simulated patients go through the loop: forecast, then their simulated follow-up MADRS is recorded.
        var patients = CohortRows.FromSubjects(CohortSimulator.Simulate(40, 31, CohortOptions.KetamineTraining));
        foreach (var patient in patients)
        {
            await _api.Forecast(Request(patient.SubjectId, patient.BaselineSuvr.ToDictionary()), null!);
            var recorded = await _api.RecordOutcome(new RecordOutcomeRequest
            {
                SubjectKey = patient.SubjectId, BaselineMadrs = patient.BaselineMadrs, FollowUpMadrs = patient.FollowUpMadrs!.Value,
                Age = patient.Age, Sex = patient.Sex.ToString(),
            }, null!);
            Assert.Equal(patient.MadrsChangePercent!.Value, recorded.ObservedChangePercent, 9);
        }

        var report = await _api.GetCalibrationReport(new GetCalibrationReportRequest(), null!);
        var all = report.Rows.Single(row => row.Model == "all");
        Assert.Equal(40, all.Patients);
        Assert.Equal(patients.Count(p => p.Responder == true) / 40.0, all.ObservedResponseRate, 9);
        Assert.True(all.HasAuc);

        // The runner is not started yet: the RPC answers with a queued job, so it cannot have trained on the caller's thread.
        var queued = await _api.RetrainFromOutcomes(new RetrainFromOutcomesRequest { Activate = true, Seed = 2 }, null!);
        Assert.Equal(Contracts.Prediction.RetrainingJobState.Queued, queued.State);
        Assert.Equal(Contracts.Prediction.RetrainingJobState.Queued, (await _api.GetRetrainingJob(new GetRetrainingJobRequest { JobId = queued.JobId }, null!)).State);
        Assert.Single((await _api.ListModels(new ListModelsRequest(), null!)).Models);

        await _runner.StartAsync(CancellationToken.None);
        var retrained = await FinishedAsync(queued.JobId);

        Assert.Equal(Contracts.Prediction.RetrainingJobState.Succeeded, retrained.State);
        Assert.Equal("", retrained.Error);
        Assert.Equal(40, retrained.CohortSize);
        Assert.True(retrained.Activate);
        using (var lease = _active.Acquire())
        {
            Assert.Equal(retrained.ModelVersion, lease.Model.Version);
            Assert.Equal(OutcomeRetrainer.RecordedOutcomesOrigin, lease.Model.Card.Origin);
        }
        var models = await _api.ListModels(new ListModelsRequest(), null!);
        Assert.Equal(2, models.Models.Count);
        Assert.Equal(retrained.ModelVersion, models.ActiveVersion);
    }

    [Fact]
    public async Task Retraining_on_too_few_outcomes_ends_failed_with_the_reason_and_registers_nothing()
    {
        await _runner.StartAsync(CancellationToken.None);
        var queued = await _api.RetrainFromOutcomes(new RetrainFromOutcomesRequest { Activate = true }, null!);

        var job = await FinishedAsync(queued.JobId);

        Assert.Equal(Contracts.Prediction.RetrainingJobState.Failed, job.State);
        Assert.Contains("Training needs at least", job.Error);
        Assert.Equal("", job.ModelVersion);
        Assert.Equal(SharedModels.Default.Version, _active.ActiveVersion);
        Assert.Single((await _api.ListModels(new ListModelsRequest(), null!)).Models);
    }

    [Fact]
    public async Task An_unknown_retraining_job_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.GetRetrainingJob(new GetRetrainingJobRequest { JobId = "nope" }, null!));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    // Bounded: a job that never finishes fails the test instead of hanging it.
    private async Task<Contracts.Prediction.RetrainingJob> FinishedAsync(string jobId)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var job = await _api.GetRetrainingJob(new GetRetrainingJobRequest { JobId = jobId }, null!);
            if (job.State is Contracts.Prediction.RetrainingJobState.Succeeded or Contracts.Prediction.RetrainingJobState.Failed)
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"retraining job {jobId} did not finish within 2 minutes");
    }

    [Fact]
    public async Task Activating_a_version_switches_forecasts_without_a_restart()
    {
        using var other = ResponseModelTrainer.Train(SharedModels.TrainingCohort(3, nullSignal: false, n: 120),
            new TrainingOptions { Trainer = ResponseTrainerKind.LogisticRegression, BootstrapMembers = 5 });
        _active.Register(other);

        await _api.ActivateModel(new ActivateModelRequest { Version = other.Version }, null!);
        var reply = await _api.Forecast(Request("", SharedModels.PatientSuvr()), null!);

        Assert.Equal(other.Version, reply.ModelVersion);
        var missing = await Assert.ThrowsAsync<RpcException>(() => _api.ActivateModel(new ActivateModelRequest { Version = "k2-response-9.9.9+00000000" }, null!));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var changed = Assert.Single(_audit.Events, audited => audited.Kind == AuditEventKind.ModelChanged);
        Assert.Equal(new AuditObject(AuditObjectKind.Model, other.Version), Assert.Single(changed.Objects));
        Assert.Equal(AuditActor.Anonymous, changed.Actor.UserId);
    }

    [Fact]
    public async Task Forecasts_and_outcomes_are_audited_with_the_subject_as_patient()
    {
        await _api.Forecast(Request("study-audit", SharedModels.PatientSuvr()), null!);
        await _api.RecordOutcome(new RecordOutcomeRequest { SubjectKey = "study-audit", BaselineMadrs = 30, FollowUpMadrs = 12 }, null!);

        Assert.Equal([AuditEventKind.ForecastRequested, AuditEventKind.OutcomeRecorded], _audit.Events.Select(audited => audited.Kind));
        Assert.All(_audit.Events, audited => Assert.Equal(AuditObject.Patient("study-audit"), audited.Objects[0]));
        Assert.All(_audit.Events, audited => Assert.Equal(AuditObjectKind.Model, audited.Objects[1].Kind));
    }

    [Fact]
    public async Task A_retraining_job_status_is_kept_in_the_database()
    {
        var queued = await _api.RetrainFromOutcomes(new RetrainFromOutcomesRequest { Seed = 5 }, null!);

        var row = await _database.InScopeAsync(services =>
            services.GetRequiredService<PredictionDbContext>().RetrainingJobs.AsNoTracking().SingleAsync(job => job.Id == queued.JobId));
        Assert.Equal("Queued", row.State);
        Assert.Equal(5, row.Seed);
        Assert.False(row.Activate);

        // Another process (a second replica or after a restart) answers for the same job.
        var elsewhere = new RetrainingJobs(_database.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        Assert.Equal(queued.JobId, (await elsewhere.FindAsync(queued.JobId, CancellationToken.None))!.Id);
    }

    private Task<IReadOnlyDictionary<string, IssuedForecastRecord>> LatestForecastsAsync() =>
        _database.InScopeAsync(services => services.GetRequiredService<ForecastRepository>().LatestAsync(CancellationToken.None));

    private static ForecastRequest Request(string key, IDictionary<string, double> suvr)
    {
        var request = new ForecastRequest { SubjectKey = key };
        request.SuvrByRegion.Add(suvr);
        return request;
    }

    public async Task DisposeAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _runner.Dispose();
        _active.Dispose();
        await _scope.DisposeAsync();
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

public sealed class SqliteOutcomeLoopTests() : OutcomeLoopTests("Sqlite");

public sealed class PostgresOutcomeLoopTests() : OutcomeLoopTests("Postgres");
