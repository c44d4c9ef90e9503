using AmpaCds.Contracts.Reporting;
using AmpaCds.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>Waits for a study's report through the gateway's gRPC API, following its stage stream.</summary>
public static class ReportClient
{
    /// <param name="trust">The private CA an https:// gateway's certificate is checked against (the distributed system's); none for the embedded http:// server.</param>
    public static async Task<Report> WaitForReportAsync(string address, string studyUid, TimeSpan timeout, PrivateCaTrust? trust = null)
    {
        using var channel = trust is null
            ? GrpcChannel.ForAddress(address)
            : GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = trust.CreateHandler() });
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
