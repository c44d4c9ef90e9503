using System.Globalization;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Prediction;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds model list|activate|retrain --server URL`: the models of the running Prediction service, through its gRPC
/// API. The service keeps which version is active in its database, so this is the way to change what it serves.
/// </summary>
public static class ModelServerCommands
{
    public const int RetrainingFailed = 4;
    public const int RetrainingNotFinished = 5;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task ListAsync(ServiceConnection connection, TimeProvider clock, CancellationToken cancellation)
    {
        using var server = new PredictionServer(connection, clock);
        var reply = await server.ListModelsAsync(cancellation);
        foreach (var model in reply.Models)
        {
            Console.Out.WriteLine($"{(model.Active ? "*" : " ")} {model.Summary}");
        }
    }

    public static async Task ActivateAsync(ServiceConnection connection, string version, TimeProvider clock, CancellationToken cancellation)
    {
        using var server = new PredictionServer(connection, clock);
        var reply = await server.ActivateModelAsync(version, cancellation);
        Console.Out.WriteLine($"active model: {reply.ActiveVersion} (was {(reply.PreviousVersion.Length > 0 ? reply.PreviousVersion : "none")})");
    }

    /// <summary>Queues a retraining job; with a wait, follows it (bounded) and returns the exit code of its outcome.</summary>
    public static async Task<int> RetrainAsync(ServiceConnection connection, int seed, bool activate, double waitSeconds, TimeProvider clock, CancellationToken cancellation)
    {
        using var server = new PredictionServer(connection, clock);
        var queued = await server.RetrainFromOutcomesAsync(seed, activate, cancellation);
        Console.Out.WriteLine($"retraining job {queued.JobId}: {StateName(queued.State)}");
        if (waitSeconds <= 0)
        {
            return 0;
        }

        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(waitSeconds);
        while (true)
        {
            var job = await server.GetRetrainingJobAsync(queued.JobId, cancellation);
            switch (job.State)
            {
                case RetrainingJobState.Succeeded:
                    Console.Out.WriteLine($"retraining job {job.JobId} succeeded: model {job.ModelVersion} from {job.CohortSize.ToString(CultureInfo.InvariantCulture)} patients"
                        + (job.Activate ? ", now active" : ", registered (not active)"));
                    Console.Out.WriteLine(job.ModelCardSummary);
                    return 0;
                case RetrainingJobState.Failed:
                    throw new CliFailure($"retraining job {job.JobId} failed: {job.Error}", RetrainingFailed);
            }

            if (clock.GetUtcNow() >= deadline)
            {
                throw new CliFailure($"retraining job {job.JobId} still {StateName(job.State)} after {waitSeconds.ToString(CultureInfo.InvariantCulture)} s; " +
                    "it goes on in the service; its model appears in `model list` when done", RetrainingNotFinished);
            }
            await Task.Delay(PollInterval, clock, cancellation);
        }
    }

    private static string StateName(RetrainingJobState state) => state switch
    {
        RetrainingJobState.Queued => "queued",
        RetrainingJobState.Running => "running",
        RetrainingJobState.Succeeded => "succeeded",
        RetrainingJobState.Failed => "failed",
        _ => "unknown",
    };
}
