using System.Globalization;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.Tests;

/// <summary>
/// Stored audit events reach a real rsyslogd over TLS as RFC 5424 messages whose body is the DICOM audit XML;
/// a collector that is down keeps them pending, and they go once it is up.
/// </summary>
public sealed class SyslogForwardingTests(SqliteReportingDatabase database) : IClassFixture<SqliteReportingDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private RsyslogCollector _collector = null!;
    private ReportingRig _rig = null!;

    public async Task InitializeAsync()
    {
        _collector = await RsyslogCollector.CreateAsync();
        _rig = await ReportingRig.StartAsync(database, new Dictionary<string, string?>
        {
            ["AmpaCds:Audit:Syslog:Enabled"] = "true",
            ["AmpaCds:Audit:Syslog:Host"] = "127.0.0.1",
            ["AmpaCds:Audit:Syslog:Port"] = _collector.Port.ToString(CultureInfo.InvariantCulture),
            ["AmpaCds:Audit:Syslog:CaCertificatePath"] = Path.Combine(_collector.Pki, "ca.crt"),
            ["AmpaCds:Audit:Syslog:Facility"] = "13",
        });
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task Events_wait_while_the_collector_is_down_and_arrive_whole_once_it_is_up()
    {
        var patient = $"P-{Guid.NewGuid():N}";
        var viewed = AuditRepositoryTests.Event("ReportViewed", "dr.sato", patient, new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero));
        var refused = AuditRepositoryTests.Event("AuthorizationRefused", "dr.tanaka", patient, new DateTimeOffset(2026, 12, 4, 9, 31, 0, TimeSpan.Zero))
            with { Outcome = 4, Detail = "role auditor required" };
        await _rig.DeliverAsync(viewed);
        await _rig.DeliverAsync(refused);
        var forwarder = _rig.Get<AuditSyslogForwarder>();

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => forwarder.ForwardOnceAsync(CancellationToken.None));
        Assert.Equal(0, await _rig.WithContextAsync(db => db.AuditForwards.CountAsync()));

        await _collector.StartAsync();
        Assert.Equal(2, await forwarder.ForwardOnceAsync(CancellationToken.None));
        Assert.Equal(0, await forwarder.ForwardOnceAsync(CancellationToken.None));

        var received = await _collector.WaitForAsync("role auditor required", Wait);
        var lines = received.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Contains(patient, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        // <facility 13 * 8 + severity>1 timestamp host app procid msgid - BOM xml
        Assert.StartsWith("<109>1 2026-12-04T09:30:00.000000Z ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" ampacds ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" ReportViewed - ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("<108>1 2026-12-04T09:31:00.000000Z ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" AuthorizationRefused - ", lines[1], StringComparison.Ordinal);
        var xml = lines[0][lines[0].IndexOf("<AuditMessage>", StringComparison.Ordinal)..];
        var stored = await _rig.WithContextAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(row => row.Id == viewed.EventId));
        Assert.Equal(stored.Xml, xml);
        Assert.Contains("csd-code=\"110110\"", xml, StringComparison.Ordinal);
    }
}
