using System.Threading.Channels;
using AmpaCds.Prediction.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Prediction.Retraining;

/// <summary>
/// Retraining requests waiting for <see cref="RetrainingJobRunner"/>, with each job's state in the RetrainingJobs table.
/// Training takes seconds to minutes, so the gRPC call only queues a job and answers with its id; callers poll the job.
/// The queue itself is this process's: a job still queued or running when the process stops is settled at the next
/// start (<see cref="RecoverAsync"/>).
/// </summary>
public sealed class RetrainingJobs(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string InterruptedError = "interrupted: the service stopped while the job ran; queue it again";

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<RetrainingJob> EnqueueAsync(int seed, bool activate, CancellationToken cancellationToken)
    {
        var job = new RetrainingJob(Guid.NewGuid().ToString("N"), seed, activate, RetrainingJobState.Queued, clock.GetUtcNow());
        await UseAsync(jobs => jobs.AddAsync(job, cancellationToken));
        if (!_queue.Writer.TryWrite(job.Id))
        {
            throw new InvalidOperationException("the retraining queue is closed");
        }
        return job;
    }

    public Task<RetrainingJob?> FindAsync(string id, CancellationToken cancellationToken) =>
        UseAsync(jobs => jobs.FindAsync(id, cancellationToken));

    /// <summary>Jobs left running by a stopped process are failed with the reason; jobs left queued are queued again.</summary>
    internal async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var running in await UseAsync(jobs => jobs.InStateAsync(RetrainingJobState.Running, cancellationToken)))
        {
            await UpdateAsync(running.Id, job => job with { State = RetrainingJobState.Failed, Error = InterruptedError }, cancellationToken);
        }
        foreach (var queued in await UseAsync(jobs => jobs.InStateAsync(RetrainingJobState.Queued, cancellationToken)))
        {
            _queue.Writer.TryWrite(queued.Id);
        }
    }

    internal IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);

    internal Task<RetrainingJob> UpdateAsync(string id, Func<RetrainingJob, RetrainingJob> change, CancellationToken cancellationToken) =>
        UseAsync(jobs => jobs.UpdateAsync(id, current =>
        {
            var updated = change(current);
            var now = clock.GetUtcNow();
            if (updated.State == RetrainingJobState.Running && updated.StartedAt is null)
            {
                updated = updated with { StartedAt = now };
            }
            return updated.IsFinished && updated.FinishedAt is null ? updated with { FinishedAt = now } : updated;
        }, cancellationToken));

    private async Task<T> UseAsync<T>(Func<RetrainingJobRepository, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<RetrainingJobRepository>());
    }

    private async Task UseAsync(Func<RetrainingJobRepository, Task> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<RetrainingJobRepository>());
    }
}
