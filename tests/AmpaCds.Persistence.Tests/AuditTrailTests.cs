using AmpaCds.Contracts.Messages;
using AmpaCds.Persistence.Audit;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Persistence.Tests.Support;
using AmpaCds.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Persistence.Tests;

/// <summary>The outbox audit trail: committed before RecordAsync returns, published afterwards with every field.</summary>
public abstract class AuditTrailTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : DatabaseFixture
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private TestServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await TestServiceHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static AuditEvent SampleEvent(string detail) => new(
        AuditEventKind.ReportViewed,
        AuditOutcome.Success,
        new DateTimeOffset(2026, 12, 4, 9, 30, 15, TimeSpan.FromHours(9)),
        new AuditActor("dr.sato", ["psychiatrist", "auditor"], "10.1.2.3"),
        [AuditObject.Patient("P-77", "Yamada^Taro"), AuditObject.Study("1.2.840.99.1")],
        detail);

    [Fact]
    public async Task RecordAsync_CommitsTheEventToTheOutbox_AndTheDispatcherPublishesItWithEveryField()
    {
        var detail = $"format json {Guid.NewGuid():N}";
        var trail = _host.Services.GetRequiredService<IAuditTrail>();
        _host.PublishFailure.Failing = true;

        await trail.RecordAsync(SampleEvent(detail), CancellationToken.None);

        // Durable before the publish: the row is there, though the bus refuses everything.
        var rows = await _host.QueryAsync(db => db.Outbox.AsNoTracking()
            .Where(row => row.MessageType == MessageTypeRegistry.NameOf(typeof(AuditEventRecorded))).ToListAsync());
        var row = Assert.Single(rows, candidate => candidate.Body.Contains(detail, StringComparison.Ordinal));

        _host.PublishFailure.Failing = false;
        var received = await _host.Received.WaitForAsync(all => all.Any(message => message.MessageId == row.Id), Wait);
        var message = (AuditEventRecorded)received.Single(candidate => candidate.MessageId == row.Id).Message;
        Assert.NotEqual(Guid.Empty, message.EventId);
        Assert.Equal(DatabaseFixture.ServiceName, message.Source);
        Assert.Equal("ReportViewed", message.Kind);
        Assert.Equal(0, message.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 30, 15, TimeSpan.Zero), message.OccurredAt.ToUniversalTime());
        Assert.Equal(("dr.sato", "10.1.2.3"), (message.UserId, message.NetworkAddress));
        Assert.Equal(["psychiatrist", "auditor"], message.Roles);
        Assert.Equal(
            [new AuditParticipantObject("Patient", "P-77", "Yamada^Taro"), new AuditParticipantObject("Study", "1.2.840.99.1", null)],
            message.Objects);
        Assert.Equal(detail, message.Detail);

        var back = AuditEventMessages.ToEvent(message);
        Assert.Equal(AuditEventKind.ReportViewed, back.Kind);
        Assert.Equal(AuditObjectKind.Patient, back.Objects[0].Kind);
    }

    [Fact]
    public async Task AuditOutbox_InsideAnEffect_CommitsWithTheEffect_AndNotWithoutIt()
    {
        var auditOutbox = _host.Services.GetRequiredService<AuditOutbox<TestServiceDbContext>>();
        var committedDetail = $"committed {Guid.NewGuid():N}";
        var failedDetail = $"rolled back {Guid.NewGuid():N}";

        Assert.True(await _host.RunOnceAsync(Guid.NewGuid(), (db, _) =>
        {
            auditOutbox.Enqueue(db, SampleEvent(committedDetail));
            return Task.CompletedTask;
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.RunOnceAsync(Guid.NewGuid(), (db, _) =>
        {
            auditOutbox.Enqueue(db, SampleEvent(failedDetail));
            throw new InvalidOperationException("the effect failed");
        }));

        var bodies = await _host.QueryAsync(db => db.Outbox.AsNoTracking().Select(row => row.Body).ToListAsync());
        Assert.Single(bodies, body => body.Contains(committedDetail, StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, body => body.Contains(failedDetail, StringComparison.Ordinal));
    }

    [Fact]
    public void ToEvent_RefusesAKindThisBuildDoesNotKnow()
    {
        var message = AuditEventMessages.ToMessage(SampleEvent("x"), Guid.NewGuid(), "test") with { Kind = "Teleported" };
        Assert.Throws<FormatException>(() => AuditEventMessages.ToEvent(message));
    }
}

public sealed class SqliteAuditTrailTests(SqliteDatabaseFixture database) : AuditTrailTests<SqliteDatabaseFixture>(database);

public sealed class PostgresAuditTrailTests(PostgresDatabaseFixture database) : AuditTrailTests<PostgresDatabaseFixture>(database);
