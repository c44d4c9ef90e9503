using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Prediction;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// The running Prediction service's gRPC API as the `model` commands use it: one call at a time, with the service's
/// refusals turned into the CLI's exit codes (unknown versions are the user's to fix, an unreachable service is not).
/// </summary>
public sealed class PredictionServer(ServiceConnection connection, TimeProvider clock) : IDisposable
{
    public const string DefaultAddress = "http://127.0.0.1:5083";

    // Every call the CLI makes only reads or queues; a service that has not answered by then is not going to.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _channel = connection.OpenChannel();

    public string Address { get; } = connection.Address;

    public Task<ListModelsReply> ListModelsAsync(CancellationToken cancellation) =>
        CallAsync(client => client.ListModelsAsync(new ListModelsRequest(), deadline: Deadline(), cancellationToken: cancellation).ResponseAsync);

    public Task<ActivateModelReply> ActivateModelAsync(string version, CancellationToken cancellation) =>
        CallAsync(client => client.ActivateModelAsync(new ActivateModelRequest { Version = version }, deadline: Deadline(), cancellationToken: cancellation).ResponseAsync);

    public Task<RetrainFromOutcomesReply> RetrainFromOutcomesAsync(int seed, bool activate, CancellationToken cancellation) =>
        CallAsync(client => client.RetrainFromOutcomesAsync(new RetrainFromOutcomesRequest { Seed = seed, Activate = activate },
            deadline: Deadline(), cancellationToken: cancellation).ResponseAsync);

    public Task<RetrainingJob> GetRetrainingJobAsync(string jobId, CancellationToken cancellation) =>
        CallAsync(client => client.GetRetrainingJobAsync(new GetRetrainingJobRequest { JobId = jobId }, deadline: Deadline(), cancellationToken: cancellation).ResponseAsync);

    public void Dispose() => _channel.Dispose();


    private DateTime Deadline() => clock.GetUtcNow().UtcDateTime + CallTimeout;

    private async Task<T> CallAsync<T>(Func<PredictionApi.PredictionApiClient, Task<T>> call)
    {
        try
        {
            return await call(new PredictionApi.PredictionApiClient(_channel));
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
        {
            throw new CliFailure(error.Status.Detail, CliRunner.InputError);
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new CliFailure($"Prediction service at {Address} unreachable ({error.StatusCode}): {error.Status.Detail}", CliRunner.PeerError);
        }
    }
}
