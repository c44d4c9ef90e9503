using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Tests.Support;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AmpaCds.Reporting.Tests.Support.ReportingApiHost;

namespace AmpaCds.Reporting.Tests;

/// <summary>
/// Care-team access through the gRPC API while a study arrives. The series and the patient details come in two
/// messages in either order; between them nobody can tell whose patient it is, so a psychiatrist hears "not
/// found yet" (which a client retries), not a refusal, and only a settled answer is audited as refused.
/// </summary>
public sealed class CareTeamApiTests(SqliteReportingDatabase database) : IClassFixture<SqliteReportingDatabase>, IAsyncLifetime
{
    private const string Treating = "dr.sato:psychiatrist:SATO^KEN";
    private ReportingApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingApiHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ReportingApi.ReportingApiClient Client => new(_host.Channel);

    [Fact]
    public async Task Before_the_patient_details_arrive_the_study_is_not_found_yet_then_the_referring_physician_decides()
    {
        var study = $"2.25.{Random.Shared.NextInt64(1, long.MaxValue)}";
        var correlationId = Guid.NewGuid();
        await _host.Bus.Publish(new PetSeriesReceived(correlationId, study, study + ".1", $"series/{study}", 90, "number-of-slices", DateTimeOffset.UtcNow));
        await WaitUntilAsync(async () => await _host.QueryAsync(db => db.Studies.AnyAsync(row => row.StudyInstanceUid == study)));

        var early = await GetReportFailureAsync(study, Treating);
        Assert.Equal((StatusCode.NotFound, $"study {study} is still arriving: its patient details have not reached the gateway yet"),
            (early.StatusCode, early.Status.Detail));

        await _host.Bus.Publish(new StudyDemographicsCaptured(correlationId, study, study + ".1", "DOE^JANE", "PID-CARE", "20261204", "K-2 PET")
        {
            ReferringPhysicianName = "Sato^Ken",
        });
        await WaitUntilAsync(async () => await _host.QueryAsync(db => db.Studies.AnyAsync(row => row.StudyInstanceUid == study && row.PatientId != null)));

        // The treating psychiatrist now reaches the study (its report is simply not ready); a colleague is refused, and that is audited.
        var treating = await GetReportFailureAsync(study, Treating);
        Assert.Equal((StatusCode.FailedPrecondition, "report not ready: study is at stage Received"), (treating.StatusCode, treating.Status.Detail));
        var colleague = await GetReportFailureAsync(study, "dr.kato:psychiatrist:KATO^AI");
        Assert.Equal((StatusCode.PermissionDenied, $"study {study} is not one of your patients' studies (another referring physician)"),
            (colleague.StatusCode, colleague.Status.Detail));
        await WaitUntilAsync(async () => await _host.QueryAsync(db => db.AuditEvents.CountAsync(row =>
            row.Kind == "AuthorizationRefused" && row.PatientId == "PID-CARE")) == 1);
        Assert.Equal("dr.kato", await _host.QueryAsync(db => db.AuditEvents.Where(row => row.Kind == "AuthorizationRefused" && row.PatientId == "PID-CARE")
            .Select(row => row.UserId).SingleAsync()));
    }

    [Fact]
    public async Task A_study_naming_no_referring_physician_is_refused_with_that_reason()
    {
        var study = $"2.25.{Random.Shared.NextInt64(1, long.MaxValue)}";
        var correlationId = Guid.NewGuid();
        await _host.Bus.Publish(new StudyDemographicsCaptured(correlationId, study, study + ".1", "ROE^RICHARD", "PID-NOREF", "20261204", "K-2 PET"));
        await WaitUntilAsync(async () => await _host.QueryAsync(db => db.Studies.AnyAsync(row => row.StudyInstanceUid == study && row.PatientId != null)));

        var refused = await GetReportFailureAsync(study, Treating);
        Assert.Equal((StatusCode.PermissionDenied, $"study {study} names no referring physician, so it belongs to no psychiatrist's patients"),
            (refused.StatusCode, refused.Status.Detail));
    }

    private async Task<RpcException> GetReportFailureAsync(string study, string token) =>
        await Assert.ThrowsAsync<RpcException>(() => Client.GetReportAsync(new GetReportRequest { StudyInstanceUid = study }, Token(token)).ResponseAsync);
}
