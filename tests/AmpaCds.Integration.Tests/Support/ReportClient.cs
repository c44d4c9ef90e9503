using AmpaCds.Contracts.Reporting;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>Waits for a study's report through the gateway's gRPC API, following its stage stream.</summary>
public static class ReportClient
{
    public static async Task<Report> WaitForReportAsync(string address, string studyUid, TimeSpan timeout)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new ReportingApi.ReportingApiClient(channel);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return await client.GetReportAsync(new GetReportRequest { StudyInstanceUid = studyUid, Format = ReportFormat.Html });
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition
                                             && !error.Status.Detail.StartsWith("study failed", StringComparison.Ordinal)
                                             && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
