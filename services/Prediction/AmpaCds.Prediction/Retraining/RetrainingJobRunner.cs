using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Retraining;

/// <summary>Runs queued retraining jobs one at a time, off the request threads.</summary>
public sealed class RetrainingJobRunner(RetrainingJobs jobs, IServiceScopeFactory scopes, ActiveModel activeModel, ILogger<RetrainingJobRunner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await jobs.RecoverAsync(stoppingToken);
            await foreach (var id in jobs.ReadAllAsync(stoppingToken))
            {
                await RunAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        var job = await jobs.UpdateAsync(id, queued => queued with { State = RetrainingJobState.Running }, stoppingToken);
        try
        {
            IReadOnlyList<Domain.Cohorts.CohortRow> cohort;
            await using (var scope = scopes.CreateAsyncScope())
            {
                cohort = await scope.ServiceProvider.GetRequiredService<OutcomeRepository>().ToCohortAsync(stoppingToken);
            }

            // Training is CPU-bound and synchronous; it runs on a pool thread, never on the caller's.
            using var model = await Task.Run(() => OutcomeRetrainer.Train(cohort, job.Seed), stoppingToken);
            activeModel.Register(model);
            if (job.Activate)
            {
                activeModel.Activate(model.Version);
            }

            await jobs.UpdateAsync(id, running => running with
            {
                State = RetrainingJobState.Succeeded,
                ModelVersion = model.Version,
                CohortSize = model.Card.CohortSize,
                ModelCardSummary = model.Card.Summary,
            }, stoppingToken);
            logger.LogInformation("Retraining job {Job} registered {Version} from {Count} recorded outcomes (activated: {Activated})",
                id, model.Version, model.Card.CohortSize, job.Activate);
        }
        catch (Exception error) when (error is not (OutOfMemoryException or OperationCanceledException))
        {
            // Too few or one-class outcomes (ArgumentException) is the expected failure; anything else is reported the same way.
            await jobs.UpdateAsync(id, running => running with { State = RetrainingJobState.Failed, Error = error.Message }, stoppingToken);
            logger.LogWarning("Retraining job {Job} failed: {Reason}", id, error.Message);
        }
    }
}
