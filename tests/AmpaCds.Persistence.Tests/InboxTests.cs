using AmpaCds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.Tests;

/// <summary>RunOnceAsync gives each message exactly one effect, on both providers.</summary>
public abstract class InboxTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : DatabaseFixture
{
    private TestServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await TestServiceHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Func<TestServiceDbContext, CancellationToken, Task> AddEffect(Guid messageId, string value) => (db, _) =>
    {
        db.Effects.Add(new TestEffect { Id = Guid.NewGuid(), MessageId = messageId, Value = value });
        return Task.CompletedTask;
    };

    [Fact]
    public async Task SameMessageTwice_AppliesTheEffectOnce()
    {
        var messageId = Guid.NewGuid();

        var first = await _host.RunOnceAsync(messageId, AddEffect(messageId, "first"));
        var second = await _host.RunOnceAsync(messageId, AddEffect(messageId, "second"));

        Assert.True(first);
        Assert.False(second);
        var effects = await _host.QueryAsync(db => db.Effects.Where(row => row.MessageId == messageId).ToListAsync());
        Assert.Equal("first", Assert.Single(effects).Value);
        Assert.Equal(1, await _host.QueryAsync(db => db.Inbox.CountAsync(row => row.MessageId == messageId)));
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneMessage_ExactlyOneEffect_LosersReturnFalse()
    {
        var messageId = Guid.NewGuid();
        const int deliveries = 6;
        using var start = new Barrier(deliveries);

        var results = await Task.WhenAll(Enumerable.Range(0, deliveries).Select(index => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return await _host.RunOnceAsync(messageId, AddEffect(messageId, $"delivery {index}"));
        })));

        Assert.Equal(1, results.Count(applied => applied));
        Assert.Equal(1, await _host.EffectCountAsync(messageId));
        Assert.Equal(1, await _host.QueryAsync(db => db.Inbox.CountAsync(row => row.MessageId == messageId)));
    }

    [Fact]
    public async Task EffectThatThrows_CommitsNothing_AndTheMessageCanBeRetried()
    {
        var messageId = Guid.NewGuid();
        var outbox = new Messaging.MessageOutbox(Messaging.MessageTypeRegistry.Contracts, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.RunOnceAsync(messageId, async (db, token) =>
        {
            await AddEffect(messageId, "lost")(db, token);
            outbox.Enqueue(db, new Contracts.Messages.PredictionFailed(Guid.NewGuid(), "1.2", "1.2.3", "never sent", DateTimeOffset.UnixEpoch),
                new Messaging.MessageLineage(null, null, messageId));
            await db.SaveChangesAsync(token);       // written inside the transaction, then rolled back
            throw new InvalidOperationException("effect failed");
        }));

        Assert.Equal("effect failed", failure.Message);
        Assert.Equal(0, await _host.EffectCountAsync(messageId));
        Assert.Equal(0, await _host.QueryAsync(db => db.Inbox.CountAsync(row => row.MessageId == messageId)));
        Assert.Equal(0, await _host.QueryAsync(db => db.Outbox.CountAsync(row => row.ParentMessageId == messageId)));

        Assert.True(await _host.RunOnceAsync(messageId, AddEffect(messageId, "retried")));
        Assert.Equal(1, await _host.EffectCountAsync(messageId));
    }
}

public sealed class SqliteInboxTests(SqliteDatabaseFixture database) : InboxTests<SqliteDatabaseFixture>(database);

public sealed class PostgresInboxTests(PostgresDatabaseFixture database) : InboxTests<PostgresDatabaseFixture>(database);
