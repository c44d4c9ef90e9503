using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Registry;
using System.Threading.Channels;

namespace AmpaCds.Prediction.Retraining;

/// <summary>
/// Retraining requests waiting for <see cref="RetrainingJobRunner"/>, and the state of recent ones.
/// Training takes seconds to minutes, so the gRPC call only queues a job and answers with its id;
/// callers poll the job. States live in memory: after a restart a job id is unknown (the models a
/// finished job registered stay in the registry).
/// </summary>
public sealed class RetrainingJobs(TimeProvider clock)
{
    /// <summary>Finished jobs kept for status queries; older ones are forgotten first.</summary>
    public const int FinishedJobsKept = 100;

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, RetrainingJob> _jobs = new(StringComparer.Ordinal);
    private readonly Queue<string> _finishedOrder = new();
    private readonly Lock _gate = new();

    public RetrainingJob Enqueue(int seed, bool activate)
    {
        var job = new RetrainingJob(Guid.NewGuid().ToString("N"), seed, activate, RetrainingJobState.Queued, clock.GetUtcNow());
        lock (_gate)
        {
            _jobs[job.Id] = job;
        }
        if (!_queue.Writer.TryWrite(job.Id))
        {
            throw new InvalidOperationException("the retraining queue is closed");
        }
        return job;
    }

    public RetrainingJob? Find(string id)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    internal IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);

    internal RetrainingJob Update(string id, Func<RetrainingJob, RetrainingJob> change)
    {
        lock (_gate)
        {
            var updated = change(_jobs[id]);
            if (updated.IsFinished)
            {
                updated = updated with { FinishedAt = clock.GetUtcNow() };
                _finishedOrder.Enqueue(id);
                while (_finishedOrder.Count > FinishedJobsKept)
                {
                    _jobs.Remove(_finishedOrder.Dequeue());
                }
            }
            _jobs[id] = updated;
            return updated;
        }
    }
}
