using AmpaCds.Persistence.Migrations;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmpaCds.Persistence.Tests;

/// <summary>The one hand-written migration set creates the same usable schema on both providers.</summary>
public abstract class MigrationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    [Fact]
    public async Task Start_OnEmptyDatabase_AppliesInitialMigrationOnce_AndAgainIsANoOp()
    {
        using var host = TestServiceHost.Build(database);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestServiceDbContext>();
            Assert.Equal([InitialTestMigration.Id], await db.Database.GetPendingMigrationsAsync());
        }

        await host.StartAsync();
        long processedAt;
        try
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TestServiceDbContext>();
                Assert.Equal([InitialTestMigration.Id], await db.Database.GetAppliedMigrationsAsync());
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                // Every table exists and round-trips its columns on this provider.
                var messageId = Guid.NewGuid();
                // Recent: the dispatcher's retention clean-up runs at start and would delete an ancient row.
                processedAt = DateTimeOffset.UtcNow.UtcTicks;
                db.Inbox.Add(new InboxMessage { Consumer = "c", MessageId = messageId, ProcessedAtUtcTicks = processedAt });
                db.Outbox.Add(new OutboxMessage { Id = messageId, MessageType = "t", Body = "{}", CreatedAtUtcTicks = 7, ParentMessageId = messageId });
                db.Effects.Add(new TestEffect { Id = messageId, MessageId = messageId, Value = "kept" });
                await db.SaveChangesAsync();
            }

            var migrator = host.Services.GetServices<IHostedService>().OfType<DatabaseMigrator<TestServiceDbContext>>().Single();
            await migrator.StartAsync(CancellationToken.None);

            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TestServiceDbContext>();
                Assert.Equal([InitialTestMigration.Id], await db.Database.GetAppliedMigrationsAsync());
                var inbox = await db.Inbox.SingleAsync();
                Assert.Equal(processedAt, inbox.ProcessedAtUtcTicks);
                var outbox = await db.Outbox.SingleAsync();
                Assert.Equal(inbox.MessageId, outbox.ParentMessageId);
                Assert.Null(outbox.SentAtUtcTicks);
                Assert.Equal("kept", (await db.Effects.SingleAsync()).Value);
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }
}

public sealed class SqliteMigrationTests(SqliteDatabaseFixture database) : MigrationTests<SqliteDatabaseFixture>(database);

public sealed class PostgresMigrationTests(PostgresDatabaseFixture database) : MigrationTests<PostgresDatabaseFixture>(database);
