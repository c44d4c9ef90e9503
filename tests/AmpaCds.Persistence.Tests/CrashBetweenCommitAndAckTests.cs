using System.Globalization;
using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Tests.Support;
using MassTransit;
using Npgsql;

namespace AmpaCds.Persistence.Tests;

/// <summary>
/// Issue 10's crash case with real parts: a RabbitMQ consumer killed after its transaction committed
/// and before it acknowledged the message. RabbitMQ redelivers; the inbox makes the redelivery a
/// no-op, so there is exactly one effect.
/// </summary>
public sealed class CrashBetweenCommitAndAckTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private const string Queue = "crash-probe";

    [Fact]
    public async Task ConsumerKilledAfterCommitBeforeAck_RedeliveryIsDeduplicated_ExactlyOneEffect()
    {
        var virtualHost = await TestBroker.CreateVirtualHostAsync();
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["AmpaCds__Database__Provider"] = "Postgres",
                ["ConnectionStrings__crash-harness"] = TestPostgres.ConnectionString(database),
                ["AmpaCds__Bus__Transport"] = "RabbitMq",
                ["AmpaCds__Bus__Port"] = TestBroker.Port.ToString(CultureInfo.InvariantCulture),
                ["AmpaCds__Bus__VirtualHost"] = virtualHost,
                ["AMPACDS_CRASH_AFTER_COMMIT"] = "1",
            };
            var messageId = Guid.NewGuid();

            using (var crashing = HarnessProcess.Start(environment))
            {
                // READY: migrations applied and the queue bound, so the message cannot miss it.
                await crashing.WaitForLineAsync("READY", Wait);
                Assert.Equal(0, await TestBroker.QueueDepthAsync(virtualHost, Queue));
                await PublishAsync(virtualHost, messageId);
                var effectLine = await crashing.WaitForLineAsync($"EFFECT {messageId}", Wait);
                await crashing.WaitForExitAsync(Wait);

                Assert.Equal($"EFFECT {messageId} redelivered=False", effectLine);
                Assert.NotEqual(0, crashing.ExitCode);
                Assert.Contains("killed after the commit, before the acknowledgement", crashing.Output, StringComparison.Ordinal);
            }

            // Between the two runs: the effect is committed, the message is still the broker's.
            Assert.Equal(1, await CountAsync(database, "ProbeEffects", messageId));
            Assert.Equal(1, await CountAsync(database, "InboxMessages", messageId));
            Assert.Equal(1, await TestBroker.QueueDepthAsync(virtualHost, Queue));

            environment.Remove("AMPACDS_CRASH_AFTER_COMMIT");
            using (var restarted = HarnessProcess.Start(environment))
            {
                var duplicateLine = await restarted.WaitForLineAsync($"DUPLICATE {messageId}", Wait);
                Assert.Equal($"DUPLICATE {messageId} redelivered=True", duplicateLine);
                await WaitForEmptyQueueAsync(virtualHost);
                Assert.DoesNotContain(restarted.Output.Split('\n'), line => line.StartsWith("EFFECT", StringComparison.Ordinal));
            }

            Assert.Equal(1, await CountAsync(database, "ProbeEffects", messageId));
            Assert.Equal(1, await CountAsync(database, "InboxMessages", messageId));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task PublishAsync(string virtualHost, Guid messageId)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host("127.0.0.1", (ushort)TestBroker.Port, virtualHost, host =>
        {
            host.Username("guest");
            host.Password("guest");
        }));
        using var limit = new CancellationTokenSource(Wait);
        await bus.StartAsync(limit.Token);
        try
        {
            await bus.Publish(new QuantificationRequested(Guid.NewGuid(), "1.2.840.9", "1.2.840.9.1", "series/crash"),
                publish => publish.MessageId = messageId, limit.Token);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitForEmptyQueueAsync(string virtualHost)
    {
        using var limit = new CancellationTokenSource(Wait);
        while (await TestBroker.QueueDepthAsync(virtualHost, Queue) != 0)
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"the redelivered message was not acknowledged within {Wait}");
            }
            await Task.Delay(250, CancellationToken.None);
        }
    }

    private static async Task<long> CountAsync(string database, string table, Guid messageId)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE \"MessageId\" = @id", connection);
        command.Parameters.AddWithValue("id", messageId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
