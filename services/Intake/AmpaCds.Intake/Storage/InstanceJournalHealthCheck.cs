using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AmpaCds.Intake.Storage;

/// <summary>
/// /health/ready entry "intake-journal": degraded while instance files cannot be written (acknowledged
/// instances stay safe in the journal, but readers wait and the journal fills); the data shows the backlog.
/// </summary>
public sealed class InstanceJournalHealthCheck(DurableInstanceStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = store.Status();
        var data = new Dictionary<string, object>
        {
            ["usesJournal"] = status.UsesJournal,
            ["pendingFiles"] = status.PendingFiles,
            ["pendingBytes"] = status.PendingBytes,
        };
        if (!status.UsesJournal)
        {
            return Task.FromResult(HealthCheckResult.Healthy("journal off: each instance is fsynced as its own file", data));
        }
        if (status.FileWriteFailure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"instance files cannot be written ({failure}); {status.PendingFiles} acknowledged instances wait in the journal", data: data));
        }
        return Task.FromResult(HealthCheckResult.Healthy(status.Open ? $"{status.PendingFiles} instance files pending" : "journal not opened yet", data));
    }
}
