using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Retraining;

/// <summary>Runs queued retraining jobs one at a time, off the request threads.</summary>
public sealed class RetrainingJobRunner(RetrainingJobs jobs, OutcomeStore outcomes, ActiveModel activeModel, ILogger<RetrainingJobRunner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in jobs.ReadAllAsync(stoppingToken))
            {
                // Training is CPU-bound and synchronous; it runs on a pool thread, never on the caller's.
                await Task.Run(() => Run(id), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Run(string id)
    {
        var job = jobs.Update(id, queued => queued with { State = RetrainingJobState.Running });
        try
        {
            using var model = OutcomeRetrainer.Retrain(outcomes, activeModel.Registry, job.Seed, job.Activate);
            jobs.Update(id, running => running with
            {
                State = RetrainingJobState.Succeeded,
                ModelVersion = model.Version,
                CohortSize = model.Card.CohortSize,
                ModelCardSummary = model.Card.Summary,
            });
            logger.LogInformation("Retraining job {Job} registered {Version} from {Count} recorded outcomes (activated: {Activated})",
                id, model.Version, model.Card.CohortSize, job.Activate);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Too few or one-class outcomes (ArgumentException) is the expected failure; anything else is reported the same way.
            jobs.Update(id, running => running with { State = RetrainingJobState.Failed, Error = error.Message });
            logger.LogWarning("Retraining job {Job} failed: {Reason}", id, error.Message);
        }
    }
}
