using AmpaCds.Contracts.Reporting;
using AmpaCds.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>Waits for a study's report through the gateway's gRPC API, following its stage stream.</summary>
public static class ReportClient
{
    /// <param name="trust">The private CA an https:// gateway's certificate is checked against (the distributed system's); none for the embedded http:// server.</param>
    /// <param name="token">The caller's bearer token (a psychiatrist of the study's referring physician).</param>
    public static async Task<Report> WaitForReportAsync(string address, string studyUid, TimeSpan timeout, PrivateCaTrust? trust, string token)
    {
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        var options = new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(trust is null ? ChannelCredentials.Insecure : ChannelCredentials.SecureSsl, bearer),
            // The embedded server is plain HTTP on loopback (Development); a token may travel there.
            UnsafeUseInsecureChannelCallCredentials = trust is null,
        };
        if (trust is not null)
        {
            options.HttpHandler = trust.CreateHandler();
        }
        using var channel = GrpcChannel.ForAddress(address, options);
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
