using AmpaCds.Persistence.Messaging;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.ServiceDefaults.Storage;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AmpaCds.Reporting.Tests.Support;

/// <summary>
/// Reporting's real parts (database on the given provider, consumers, handler, publisher, blob store) on
/// MassTransit's in-memory test harness. Dispose it and build another on the same database to "restart".
/// </summary>
public sealed class ReportingRig : IAsyncDisposable
{
    private static readonly TimeSpan ConsumeLimit = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _provider;
    private readonly ITestHarness _harness;
    private readonly ConsumedMessages _consumed = new();

    private ReportingRig(ServiceProvider provider)
    {
        _provider = provider;
        _harness = provider.GetRequiredService<ITestHarness>();
        provider.GetRequiredService<StudyStageNotifications>().StageChanged += Changes.Add;
    }

    /// <summary>Every stage change announced (after its commit) since the rig started.</summary>
    public List<StageChange> Changes { get; } = [];

    public IBlobStore Blobs => _provider.GetRequiredService<IBlobStore>();

    public static async Task<ReportingRig> StartAsync(ReportingDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Configuration)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IBlobStore>(new FileSystemBlobStore(database.BlobFolder))
            .AddReportingServices(configuration);
        // The migrator and the outbox dispatcher are hosted services; the migration is applied below and
        // the tests read the outbox table instead of a dispatcher publishing it.
        services.RemoveAll<IHostedService>();
        var provider = services
            .AddMassTransitTestHarness(ReportingServiceCollectionExtensions.AddReportingConsumers)
            .BuildServiceProvider(validateScopes: true);
        // The host's DatabaseMigrator does this at start; the harness starts no hosted services.
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Database.MigrateAsync();
        }
        var rig = new ReportingRig(provider);
        await rig._harness.Start();
        rig._harness.Bus.ConnectConsumeObserver(rig._consumed);
        return rig;
    }

    /// <summary>Publishes <paramref name="message"/> (with the given MessageId, to model a redelivery) and waits until it was consumed.</summary>
    public async Task<Guid> DeliverAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        var before = _consumed.Count(id);
        await _harness.Bus.Publish(message, context => context.MessageId = id);
        var deadline = DateTime.UtcNow + ConsumeLimit;
        while (_consumed.Count(id) == before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} {id} was not consumed within {ConsumeLimit}");
            await Task.Delay(10);
        }
        Assert.Null(_consumed.FirstError(id));
        return id;
    }

    public async Task<StudyRecord?> FindAsync(string studyInstanceUid)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudyRepository>().FindAsync(studyInstanceUid, CancellationToken.None);
    }

    public async Task<Guid> RequestPredictionAsync(string studyInstanceUid, string reason)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudyEventHandler>().RequestPredictionAsync(studyInstanceUid, reason, CancellationToken.None);
    }

    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Outbox.AsNoTracking()
            .OrderBy(row => row.CreatedAtUtcTicks).ToListAsync();
    }

    public async Task<T> WithContextAsync<T>(Func<ReportingDbContext, Task<T>> query)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Runs <paramref name="action"/> with the services of a fresh scope.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }

}
