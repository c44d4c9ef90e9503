using AmpaCds.Contracts.Prediction;
using AmpaCds.Reporting.Studies.Stored;
using AmpaCds.Security.Access;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Outcomes;

/// <summary>
/// Records a follow-up outcome with Prediction (which owns the outcomes loop) on behalf of the signed-in psychiatrist:
/// the call carries the person's own access token, so Prediction checks their role and its audit names them.
/// </summary>
public sealed class OutcomeRecorder : IDisposable
{
    private readonly GrpcChannel? _channel;
    private readonly TimeProvider _clock;

    public OutcomeRecorder(IOptions<PredictionClientOptions> options, IOptions<AuthOptions> auth, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        var settings = options.Value;
        if (settings.Url.Length == 0)
        {
            return;
        }
        // Prediction's certificate is signed by the same private CA as the issuer's unless a CA is named for it.
        var authority = settings.CaCertificatePath.Length > 0 ? settings.CaCertificatePath : auth.Value.AuthorityCaCertificatePath ?? "";
        _channel = GrpcChannel.ForAddress(settings.Url, new GrpcChannelOptions
        {
            HttpHandler = authority.Length > 0 ? PrivateCaTrust.Handler(authority) : new SocketsHttpHandler(),
        });
    }

    public bool Configured => _channel is not null;

    /// <exception cref="RpcException">Prediction refused (the status says why) or could not be reached.</exception>
    public async Task<RecordOutcomeReply> RecordAsync(string studyInstanceUid, StoredClinicalInputs inputs, int followUpMadrs, string accessToken,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var channel = _channel ?? throw new InvalidOperationException($"{PredictionClientOptions.Section}:Url is not configured");
        var client = new PredictionApi.PredictionApiClient(channel);
        var request = new RecordOutcomeRequest
        {
            SubjectKey = studyInstanceUid,
            BaselineMadrs = inputs.BaselineMadrs,
            FollowUpMadrs = followUpMadrs,
            Sex = inputs.Sex,
        };
        if (inputs.Age is { } age)
        {
            request.Age = age;
        }
        return await client.RecordOutcomeAsync(request, new Metadata { { "Authorization", $"Bearer {accessToken}" } },
            deadline: _clock.GetUtcNow().UtcDateTime.AddSeconds(30), cancellationToken: cancellationToken);
    }

    public void Dispose() => _channel?.Dispose();
}
