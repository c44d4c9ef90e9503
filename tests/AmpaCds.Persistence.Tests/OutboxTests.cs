using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Persistence.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Persistence.Tests;

/// <summary>Outbox rows leave through a real MassTransit bus, in order, with their ids and lineage, even after a failure.</summary>
public abstract class OutboxTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : DatabaseFixture
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private TestServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await TestServiceHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ConsumerEffect_PublishesItsOutboxRowsInOrder_WithRowIdsAndLineage_AndARedeliveryAddsNothing()
    {
        var correlationId = Guid.NewGuid();
        var incomingId = Guid.NewGuid();
        var bus = _host.Services.GetRequiredService<IBus>();
        var request = new QuantificationRequested(correlationId, "1.2.840.1", "1.2.840.1.1", "series/1");

        await bus.Publish(request, publish => { publish.MessageId = incomingId; publish.CorrelationId = correlationId; });
        var received = await _host.Received.WaitForAsync(
            all => all.Count(message => message.CorrelationId == correlationId) >= 3, Wait);

        var rows = await _host.QueryAsync(db => db.Outbox.Where(row => row.ParentMessageId == incomingId)
            .OrderBy(row => row.CreatedAtUtcTicks).ToListAsync());
        var mine = received.Where(message => message.CorrelationId == correlationId).ToList();
        Assert.Equal(["reason 1", "reason 2", "reason 3"], mine.Select(message => ((PredictionFailed)message.Message).Reason));
        Assert.Equal(rows.Select(row => (Guid?)row.Id), mine.Select(message => message.MessageId));
        Assert.All(mine, message => Assert.Equal(incomingId.ToString(), message.ParentMessageId));
        Assert.All(mine, message => Assert.Equal("1.2.840.1.1", ((PredictionFailed)message.Message).SeriesInstanceUid));
        await WaitUntilAsync(() => _host.QueryAsync(db => db.Outbox.AllAsync(row => row.ParentMessageId != incomingId || row.SentAtUtcTicks != null)));

        // The same message again (a broker redelivery): no second effect, no new outgoing rows.
        await bus.Publish(request, publish => { publish.MessageId = incomingId; publish.CorrelationId = correlationId; });
        await WaitUntilAsync(() => Task.FromResult(_host.Outcomes.All.Contains((incomingId, false))));
        Assert.Equal([(incomingId, true), (incomingId, false)], _host.Outcomes.All.Where(outcome => outcome.MessageId == incomingId));
        Assert.Equal(1, await _host.EffectCountAsync(incomingId));
        Assert.Equal(3, await _host.QueryAsync(db => db.Outbox.CountAsync(row => row.ParentMessageId == incomingId)));
    }

    [Fact]
    public async Task PublishFailure_LeavesTheRowUnsentWithAttempts_AndItIsSentLater()
    {
        var messageId = Guid.NewGuid();
        var correlationId = Guid.NewGuid();
        var outbox = _host.Services.GetRequiredService<MessageOutbox>();
        _host.PublishFailure.Failing = true;
        Guid rowId = default;

        Assert.True(await _host.RunOnceAsync(messageId, (db, _) =>
        {
            rowId = outbox.Enqueue(db, new PredictionFailed(correlationId, "1.2", "1.2.3", "after an outage", DateTimeOffset.UnixEpoch),
                new MessageLineage(correlationId, null, messageId));
            return Task.CompletedTask;
        }));
        await WaitUntilAsync(() => _host.QueryAsync(async db => (await db.Outbox.SingleAsync(row => row.Id == rowId)).Attempts > 0));
        var failed = await _host.QueryAsync(db => db.Outbox.SingleAsync(row => row.Id == rowId));
        Assert.Null(failed.SentAtUtcTicks);
        Assert.Contains("injected publish failure", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Received.All, message => message.MessageId == rowId);

        _host.PublishFailure.Failing = false;
        var received = await _host.Received.WaitForAsync(all => all.Any(message => message.MessageId == rowId), Wait);

        var delivered = received.Single(message => message.MessageId == rowId);
        Assert.Equal("after an outage", ((PredictionFailed)delivered.Message).Reason);
        Assert.Equal(messageId.ToString(), delivered.ParentMessageId);
        await WaitUntilAsync(() => _host.QueryAsync(async db => (await db.Outbox.SingleAsync(row => row.Id == rowId)).SentAtUtcTicks != null));
    }

    [Fact]
    public async Task NaNInAMessage_SurvivesTheOutbox()
    {
        var messageId = Guid.NewGuid();
        var correlationId = Guid.NewGuid();
        var outbox = _host.Services.GetRequiredService<MessageOutbox>();
        var measured = new RegionalUptakeMeasured(correlationId, "1.2", "1.2.3",
            [new RegionalUptake("cerebellum", double.NaN, double.NaN, 0, 0), new RegionalUptake("striatum", 2.5, 1.25, 10, 1)],
            "whole-brain", 2.0, new RegistrationQuality(0.9, true, "ok"), "atlas-1", 0.01, DateTimeOffset.UnixEpoch);

        Assert.True(await _host.RunOnceAsync(messageId, (db, _) =>
        {
            outbox.Enqueue(db, measured, MessageLineage.Root(correlationId));
            return Task.CompletedTask;
        }));
        var received = await _host.Received.WaitForAsync(all => all.Any(message => message.CorrelationId == correlationId), Wait);

        var message = (RegionalUptakeMeasured)received.Single(message => message.CorrelationId == correlationId).Message;
        Assert.True(double.IsNaN(message.Regions[0].SuvMean));
        Assert.Equal(1.25, message.Regions[1].Suvr);
    }

    [Fact]
    public async Task RowOfAnUnknownType_IsKeptWithItsError_AndDoesNotHoldUpTheRowsBehindIt()
    {
        var unknownId = Guid.NewGuid();
        var correlationId = Guid.NewGuid();
        var outbox = _host.Services.GetRequiredService<MessageOutbox>();
        await _host.QueryAsync(async db =>
        {
            // A type name no registry entry matches (say, a contract since removed), written first.
            db.Outbox.Add(new OutboxMessage { Id = unknownId, MessageType = "System.Diagnostics.Process", Body = "{}", CreatedAtUtcTicks = 1 });
            return await db.SaveChangesAsync();
        });

        Assert.True(await _host.RunOnceAsync(Guid.NewGuid(), (db, _) =>
        {
            outbox.Enqueue(db, new PredictionFailed(correlationId, "1.2", "1.2.3", "behind it", DateTimeOffset.UnixEpoch), MessageLineage.Root(correlationId));
            return Task.CompletedTask;
        }));
        await _host.Received.WaitForAsync(all => all.Any(message => message.CorrelationId == correlationId), Wait);

        var unknown = await _host.QueryAsync(db => db.Outbox.SingleAsync(row => row.Id == unknownId));
        Assert.Null(unknown.SentAtUtcTicks);
        Assert.True(unknown.Attempts > 0);
        Assert.Equal("unknown message type System.Diagnostics.Process", unknown.LastError);
    }

    [Fact]
    public void Enqueue_OfATypeOutsideTheRegistry_FailsAtOnce()
    {
        var outbox = _host.Services.GetRequiredService<MessageOutbox>();
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TestServiceDbContext>();

        var failure = Assert.Throws<ArgumentException>(() => outbox.Enqueue(db, new TestEffect(), MessageLineage.Root(null)));

        Assert.Contains("AmpaCds.Persistence.Tests.Support.TestEffect is not a registered message type", failure.Message, StringComparison.Ordinal);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task CleanUp_DeletesSentRowsAndInboxRowsPastRetention_NeverAnUnsentRow()
    {
        var now = DateTimeOffset.UtcNow;
        long Ago(double days) => (now - TimeSpan.FromDays(days)).UtcTicks;
        var oldSent = Guid.NewGuid();
        var recentSent = Guid.NewGuid();
        var oldUnsent = Guid.NewGuid();
        var oldInbox = Guid.NewGuid();
        var recentInbox = Guid.NewGuid();
        await _host.QueryAsync(async db =>
        {
            // An unregistered type keeps the old unsent row from being published by the running dispatcher.
            db.Outbox.Add(new OutboxMessage { Id = oldSent, MessageType = "retention-test", Body = "{}", CreatedAtUtcTicks = Ago(9), SentAtUtcTicks = Ago(8) });
            db.Outbox.Add(new OutboxMessage { Id = recentSent, MessageType = "retention-test", Body = "{}", CreatedAtUtcTicks = Ago(6), SentAtUtcTicks = Ago(6) });
            db.Outbox.Add(new OutboxMessage { Id = oldUnsent, MessageType = "retention-test", Body = "{}", CreatedAtUtcTicks = Ago(60) });
            db.Inbox.Add(new InboxMessage { Consumer = "retention", MessageId = oldInbox, ProcessedAtUtcTicks = Ago(31) });
            db.Inbox.Add(new InboxMessage { Consumer = "retention", MessageId = recentInbox, ProcessedAtUtcTicks = Ago(29) });
            return await db.SaveChangesAsync();
        });

        await _host.Services.GetRequiredService<OutboxDispatcher<TestServiceDbContext>>().CleanUpAsync(CancellationToken.None);

        var outboxIds = await _host.QueryAsync(db => db.Outbox.Where(row => row.MessageType == "retention-test").Select(row => row.Id).ToListAsync());
        var inboxIds = await _host.QueryAsync(db => db.Inbox.Where(row => row.Consumer == "retention").Select(row => row.MessageId).ToListAsync());
        Assert.Equal(new HashSet<Guid> { recentSent, oldUnsent }, outboxIds.ToHashSet());
        Assert.Equal([recentInbox], inboxIds);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(Wait);
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"condition not met within {Wait}");
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }
}

public sealed class SqliteOutboxTests(SqliteDatabaseFixture database) : OutboxTests<SqliteDatabaseFixture>(database);

public sealed class PostgresOutboxTests(PostgresDatabaseFixture database) : OutboxTests<PostgresDatabaseFixture>(database);
