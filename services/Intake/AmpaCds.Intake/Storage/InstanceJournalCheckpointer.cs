using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Storage;

/// <summary>
/// Opens the journal at start-up (replaying what a crash left), checkpoints when Intake goes idle
/// or the journal fills, and once more at shutdown so a clean restart has nothing to replay.
/// </summary>
public sealed class InstanceJournalCheckpointer(DurableInstanceStore store, TimeProvider clock, ILogger<InstanceJournalCheckpointer> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        store.Open();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!store.UsesJournal)
        {
            return;
        }
        using var timer = new PeriodicTimer(Tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (store.CheckpointDue())
                {
                    CheckpointLoggingFailures();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        CheckpointLoggingFailures();
    }

    private void CheckpointLoggingFailures()
    {
        try
        {
            store.Checkpoint();
        }
        catch (IOException error)
        {
            // Records stay in the journal; the next checkpoint or the next start tries again.
            logger.LogError("Journal checkpoint failed: {Reason}", error.Message);
        }
    }
}
