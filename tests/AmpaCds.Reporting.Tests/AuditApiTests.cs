using AmpaCds.Contracts.Audit;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Tests.Support;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AmpaCds.Reporting.Tests.Support.ReportingApiHost;

namespace AmpaCds.Reporting.Tests;

/// <summary>
/// The AuditApi as the host serves it (see <see cref="ReportingApiHost"/>): the auditor role is required, the
/// filters apply, and each read is itself stored as an Audit Log Used event.
/// </summary>
public sealed class AuditApiTests(SqliteReportingDatabase database) : IClassFixture<SqliteReportingDatabase>, IAsyncLifetime
{
    private ReportingApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingApiHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private AuditApi.AuditApiClient Client => new(_host.Channel);

    [Fact]
    public async Task Filters_apply_the_read_is_audited_and_other_roles_are_refused()
    {
        var patient = $"P-{Guid.NewGuid():N}";
        var t0 = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var bus = _host.Bus;
        var old = AuditRepositoryTests.Event("ReportViewed", "dr.sato", patient, t0);
        var recent = AuditRepositoryTests.Event("ForecastRequested", "dr.sato", patient, t0.AddHours(3));
        var otherUser = AuditRepositoryTests.Event("ReportViewed", "dr.kato", patient, t0.AddHours(4));
        foreach (var item in new[] { old, recent, otherUser })
        {
            await bus.Publish(item);
        }
        await WaitUntilAsync(async () => await CountAsync(db => db.AuditEvents.CountAsync(row => row.PatientId == patient)) == 3);

        var reply = await Client.ListAuditEventsAsync(
            new ListAuditEventsRequest { PatientId = patient, UserId = "dr.sato", Since = "2026-12-02T09:00:00+01:00" }, Token("alice:auditor"));

        // 09:00+01:00 is 08:00Z: both of dr.sato's events, newest first.
        Assert.Equal([recent.EventId.ToString(), old.EventId.ToString()], reply.Events.Select(item => item.EventId));
        Assert.Equal(("ForecastRequested", patient, "psychiatrist"), (reply.Events[0].Kind, reply.Events[0].PatientId, reply.Events[0].Roles.Single()));
        Assert.Contains("<AuditMessage>", reply.Events[0].Xml, StringComparison.Ordinal);
        var since = await Client.ListAuditEventsAsync(
            new ListAuditEventsRequest { PatientId = patient, Since = "2026-12-02T10:00:00Z" }, Token("alice:auditor"));
        // The first read's own Audit Log Used event (about this patient, at the real time) may already be stored too.
        Assert.Equal([otherUser.EventId.ToString(), recent.EventId.ToString()],
            since.Events.Where(item => item.Kind != "AuditLogRead").Select(item => item.EventId));

        // The reads themselves arrive in the trail: Audit Log Used by alice, about the patient.
        await WaitUntilAsync(async () => await CountAsync(db => db.AuditEvents.CountAsync(row => row.Kind == "AuditLogRead" && row.PatientId == patient)) == 2);
        var read = await QueryAsync(db => db.AuditEvents.AsNoTracking().FirstAsync(row => row.Kind == "AuditLogRead" && row.PatientId == patient));
        Assert.Equal(("reporting", "alice", "auditor", "127.0.0.1"), (read.Source, read.UserId, read.Roles, read.NetworkAddress));
        Assert.Contains("csd-code=\"110101\"", read.Xml, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.ListAuditEventsAsync(new ListAuditEventsRequest(), Token("bob:psychiatrist")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => Client.ListAuditEventsAsync(new ListAuditEventsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var badTime = await Assert.ThrowsAsync<RpcException>(() => Client.ListAuditEventsAsync(new ListAuditEventsRequest { Since = "yesterday" }, Token("alice:auditor")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badTime.StatusCode);
    }

    private Task<int> CountAsync(Func<ReportingDbContext, Task<int>> query) => _host.QueryAsync(query);

    private Task<T> QueryAsync<T>(Func<ReportingDbContext, Task<T>> query) => _host.QueryAsync(query);
}
