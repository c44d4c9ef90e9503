using AmpaCds.Contracts.Prediction;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Integration.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Integration.Tests.Transport;

/// <summary>The distributed hosts serve only TLS, with the certificate of the run's private CA, on every endpoint.</summary>
[Collection(DistributedCollection.Name)]
public sealed class DistributedTransportTests(DistributedSystem system)
{
    [Theory]
    [MemberData(nameof(Services))]
    public async Task EveryHealthEndpointAnswersCurlThatTrustsThePrivateCaAndRefusesPlainHttp(string service)
    {
        var url = system.HealthUrl(service);
        Assert.StartsWith("https://127.0.0.1:", url, StringComparison.Ordinal);
        var trusted = await ProcessRunner.RunAsync("curl", ["-sS", "-f", "--max-time", "10", "--cacert", system.CaCertificatePath, url], TimeSpan.FromSeconds(30));
        Assert.True(trusted.ExitCode == 0, trusted.ToString());
        // Readiness answers JSON: the overall status, then each check (broker, database, disk, ...).
        using (var health = System.Text.Json.JsonDocument.Parse(trusted.StandardOutput))
        {
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
            Assert.Contains(health.RootElement.GetProperty("checks").EnumerateArray(), check => check.GetProperty("name").GetString() == "disk");
        }

        var untrusted = await ProcessRunner.RunAsync("curl", ["-sS", "-f", "--max-time", "10", url], TimeSpan.FromSeconds(30));
        Assert.True(untrusted.ExitCode == 60, untrusted.ToString());

        var plain = await ProcessRunner.RunAsync("curl", ["-sS", "-f", "--max-time", "10", "http" + url["https".Length..]], TimeSpan.FromSeconds(30));
        Assert.True(plain.ExitCode != 0, plain.ToString());
        Assert.DoesNotContain("Healthy", plain.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGatewaysGrpcApiAnswersOverTlsWithThePrivateCa()
    {
        using var channel = system.CreateChannel(system.GrpcAddress);
        var client = new ReportingApi.ReportingApiClient(channel);
        // Any answer from the service proves the handshake: a list, or (once every call needs a token) Unauthenticated.
        var status = await CallStatusAsync(async () => await client.ListStudiesAsync(new ListStudiesRequest(), deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.Contains(status, new[] { StatusCode.OK, StatusCode.Unauthenticated, StatusCode.PermissionDenied });
    }

    [Fact]
    public async Task PredictionsGrpcApiAnswersOverTlsWithThePrivateCa()
    {
        using var channel = system.CreateChannel(system.PredictionGrpcAddress);
        var client = new PredictionApi.PredictionApiClient(channel);
        var status = await CallStatusAsync(async () => await client.ListModelsAsync(new ListModelsRequest(), deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.Contains(status, new[] { StatusCode.OK, StatusCode.Unauthenticated, StatusCode.PermissionDenied });
    }

    [Fact]
    public async Task AGrpcClientWithoutThePrivateCaIsRefusedAtTheHandshake()
    {
        using var channel = GrpcChannel.ForAddress(system.GrpcAddress);
        var client = new ReportingApi.ReportingApiClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListStudiesAsync(new ListStudiesRequest(), deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.Contains("The SSL connection could not be established", error.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Services() => new(DistributedSystem.ServiceNames);

    private static async Task<StatusCode> CallStatusAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}
