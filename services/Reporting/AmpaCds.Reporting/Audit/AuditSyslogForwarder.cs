using AmpaCds.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Audit;

/// <summary>
/// Forwards stored audit events not yet in AuditForwards to the syslog collector, oldest first, in batches.
/// Storage never waits for it: a collector that is down only delays forwarding, which retries with a bounded
/// exponential back-off and catches up later. Delivery is at least once (a connection lost after the write and
/// before AuditForwards is saved sends the batch again).
/// </summary>
public sealed partial class AuditSyslogForwarder(
    IServiceScopeFactory scopes,
    SyslogTlsSender sender,
    IOptions<AuditSyslogOptions> options,
    TimeProvider clock,
    ILogger<AuditSyslogForwarder> logger) : BackgroundService
{
    private readonly AuditSyslogOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var forwarded = await ForwardOnceAsync(stoppingToken);
                failures = 0;
                wait = forwarded == _options.BatchSize ? TimeSpan.Zero : TimeSpan.FromSeconds(_options.PollIntervalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                wait = TimeSpan.FromSeconds(Math.Min(_options.RetryDelaySeconds * Math.Pow(2, Math.Min(failures - 1, 20)), _options.MaxRetryDelaySeconds));
                LogForwardFailed(exception, _options.Host, _options.Port, failures, wait.TotalSeconds);
            }
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one batch of unforwarded events and records them as forwarded; returns how many. Public for tests and tools.</summary>
    public async Task<int> ForwardOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var pending = await db.AuditEvents.AsNoTracking()
            .Where(row => !db.AuditForwards.Any(forward => forward.EventId == row.Id))
            .OrderBy(row => row.RecordedAtUtcTicks)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }
        var host = Environment.MachineName;
        var frames = pending.Select(row => SyslogMessage.Frame(SyslogMessage.Format(row, _options, host, Environment.ProcessId))).ToList();
        await sender.SendAsync(frames, cancellationToken);
        var now = clock.GetUtcNow().UtcTicks;
        db.AuditForwards.AddRange(pending.Select(row => new AuditForwardEntity { EventId = row.Id, ForwardedAtUtcTicks = now }));
        await db.SaveChangesAsync(cancellationToken);
        LogForwarded(pending.Count);
        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding audit events to syslog {Host}:{Port} failed ({Failures} in a row); retrying in {DelaySeconds:0.#} s")]
    private partial void LogForwardFailed(Exception exception, string host, int port, int failures, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarded {Count} audit events to syslog")]
    private partial void LogForwarded(int count);
}
