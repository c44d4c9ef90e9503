using AmpaCds.Persistence.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AmpaCds.Persistence.Migrations;

/// <summary>
/// Applies the context's migrations when the host starts. Hosted services start in registration
/// order, so registering this before the bus (AddServiceDatabase before AddAmpaCdsBus) means no
/// consumer runs against a missing table. Several replicas starting together are safe: EF Core
/// takes a migration lock (an advisory lock on PostgreSQL, a lock table on SQLite).
/// </summary>
public sealed partial class DatabaseMigrator<TContext>(
    IServiceScopeFactory scopes,
    IOptions<ServiceDatabaseSettings<TContext>> settings,
    ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = settings.Value;
        // PostgreSQL may still be starting (compose, Kubernetes); SQLite fails only on a real problem,
        // which the retries merely delay.
        var retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<System.Data.Common.DbException>().Handle<TimeoutException>(),
            MaxRetryAttempts = Math.Max(0, database.MigrationAttempts - 1),
            Delay = TimeSpan.FromSeconds(database.MigrationRetryDelaySeconds),
            MaxDelay = TimeSpan.FromSeconds(30),
            BackoffType = DelayBackoffType.Exponential,
            OnRetry = attempt =>
            {
                LogRetry(attempt.Outcome.Exception, database.ServiceName, attempt.AttemptNumber + 1, attempt.RetryDelay.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        }).Build();
        await retry.ExecuteAsync(async token => await MigrateAsync(database, token), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(ServiceDatabaseSettings<TContext> database, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        // One query here builds the context's runtime model before the background services that start after the
        // migrator (retraining recovery, calibration checks, outbox) and the readiness probe first query it at the same
        // moment: EF's lazy relational model failed ("The model must be finalized") when two threads built it at once.
        await db.Set<Messaging.OutboxMessage>().AsNoTracking().AnyAsync(cancellationToken);
        if (pending.Count == 0)
        {
            LogUpToDate(database.ServiceName, database.Provider);
        }
        else
        {
            LogApplied(database.ServiceName, database.Provider, string.Join(", ", pending));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} database ({Provider}): applied migrations {Migrations}")]
    private partial void LogApplied(string service, DatabaseProvider provider, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} database ({Provider}): schema up to date")]
    private partial void LogUpToDate(string service, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} database not reachable for migrations; attempt {Attempt} in {DelaySeconds:0.#} s")]
    private partial void LogRetry(Exception? exception, string service, int attempt, double delaySeconds);
}
