using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Reporting.Tests;

/// <summary>
/// The audit record repository on a real database, through the real consumer: each event stored once
/// however often it arrives, the table refuses UPDATE and DELETE, and the auditors' filters select the
/// right rows. Run once per provider by the derived classes.
/// </summary>
public abstract class AuditRepositoryTests(ReportingDatabase database) : IAsyncLifetime
{
    private ReportingRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReportingRig.StartAsync(database);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    public static AuditEventRecorded Event(string kind, string user, string? patientId, DateTimeOffset at, string? detail = null) => new(
        Guid.NewGuid(),
        "intake",
        kind,
        0,
        at,
        user,
        ["psychiatrist"],
        "10.0.0.7",
        patientId is null
            ? [new AuditParticipantObject("Study", "1.2.840.5.5", null)]
            : [new AuditParticipantObject("Patient", patientId, "Yamada^Taro"), new AuditParticipantObject("Study", "1.2.840.5.5", null)],
        detail);

    [Fact]
    public async Task An_event_delivered_three_times_is_stored_once_with_its_xml()
    {
        var auditEvent = Event("StudyReceived", "PACS_AE", $"P-{Guid.NewGuid():N}", DateTimeOffset.UnixEpoch.AddDays(20000));
        var messageId = await _rig.DeliverAsync(auditEvent);
        await _rig.DeliverAsync(auditEvent, messageId);
        // A copy under another MessageId (re-recorded by an outbox row republished after a restore) is still the same event.
        await _rig.DeliverAsync(auditEvent);

        var rows = await _rig.WithContextAsync(db => db.AuditEvents.AsNoTracking().Where(row => row.Id == auditEvent.EventId).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(("intake", "StudyReceived", 0, "PACS_AE", "psychiatrist"), (row.Source, row.Kind, row.Outcome, row.UserId, row.Roles));
        Assert.Equal((auditEvent.Objects[0].Id, "1.2.840.5.5", "10.0.0.7"), (row.PatientId, row.StudyInstanceUid, row.NetworkAddress));
        Assert.Equal(auditEvent.OccurredAt.UtcTicks, row.OccurredAtUtcTicks);
        Assert.Contains("csd-code=\"110104\"", row.Xml, StringComparison.Ordinal);
        Assert.Contains($"ParticipantObjectID=\"{auditEvent.Objects[0].Id}\"", row.Xml, StringComparison.Ordinal);
        Assert.True(row.RecordedAtUtcTicks > 0);
    }

    [Fact]
    public async Task The_table_refuses_update_and_delete_by_sql_and_through_ef()
    {
        var auditEvent = Event("ReportViewed", "dr.sato", "P-1", DateTimeOffset.UnixEpoch.AddDays(20001));
        await _rig.DeliverAsync(auditEvent);

        await AssertRefusedAsync(() => _rig.WithContextAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"UserId\" = 'someone-else'")));
        await AssertRefusedAsync(() => _rig.WithContextAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\"")));
        await AssertRefusedAsync(() => _rig.WithContextAsync(db =>
            db.AuditEvents.Where(row => row.Id == auditEvent.EventId).ExecuteDeleteAsync()));
        await AssertRefusedAsync(() => _rig.WithContextAsync(async db =>
        {
            var tracked = await db.AuditEvents.SingleAsync(row => row.Id == auditEvent.EventId);
            tracked.Detail = "rewritten";
            return await db.SaveChangesAsync();
        }));

        var row = await _rig.WithContextAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(row => row.Id == auditEvent.EventId));
        Assert.Equal(("dr.sato", (string?)null), (row.UserId, row.Detail));
    }

    [Fact]
    public async Task List_filters_by_patient_user_and_since_newest_first_within_the_limit()
    {
        var patient = $"P-{Guid.NewGuid():N}";
        var user = $"dr-{Guid.NewGuid():N}";
        var t0 = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var old = Event("ReportViewed", user, patient, t0);
        var recent = Event("ForecastRequested", user, patient, t0.AddHours(2));
        var otherUser = Event("ReportViewed", "someone-else", patient, t0.AddHours(3));
        var otherPatient = Event("ReportViewed", user, "P-other", t0.AddHours(4));
        foreach (var item in new[] { old, recent, otherUser, otherPatient })
        {
            await _rig.DeliverAsync(item);
        }

        var byPatient = await ListAsync(new AuditQuery(patient, null, null, 0));
        Assert.Equal([otherUser.EventId, recent.EventId, old.EventId], byPatient.Select(row => row.Id));
        var byPatientAndUser = await ListAsync(new AuditQuery(patient, user, null, 0));
        Assert.Equal([recent.EventId, old.EventId], byPatientAndUser.Select(row => row.Id));
        var since = await ListAsync(new AuditQuery(null, user, t0.AddHours(1), 0));
        Assert.Equal([otherPatient.EventId, recent.EventId], since.Select(row => row.Id));
        var limited = await ListAsync(new AuditQuery(patient, null, null, 1));
        Assert.Equal([otherUser.EventId], limited.Select(row => row.Id));
    }

    /// <summary>The trigger's refusal, not some other failure: its message names the table as append-only.</summary>
    private static async Task AssertRefusedAsync(Func<Task> attempt)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(attempt);
        var messages = new List<string>();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }
        Assert.Contains(messages, message => message.Contains("AuditEvents is append-only", StringComparison.Ordinal));
    }

    private Task<IReadOnlyList<AuditEventEntity>> ListAsync(AuditQuery query) =>
        _rig.WithScopeAsync(provider => provider.GetRequiredService<AuditRecordRepository>().ListAsync(query, CancellationToken.None));
}

public sealed class SqliteAuditRepositoryTests(SqliteReportingDatabase database)
    : AuditRepositoryTests(database), IClassFixture<SqliteReportingDatabase>;

public sealed class PostgresAuditRepositoryTests(PostgresReportingDatabase database)
    : AuditRepositoryTests(database), IClassFixture<PostgresReportingDatabase>;
