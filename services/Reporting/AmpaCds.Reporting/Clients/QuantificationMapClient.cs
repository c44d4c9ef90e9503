using System.Net;
using System.Net.Http.Headers;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Studies;
using AmpaCds.Security.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AmpaCds.Reporting.Clients;

/// <summary>
/// The gateway's <see cref="IParametricMapSource"/> in the distributed shape: Quantification's map API over https with
/// this service's own token. Transient failures are retried a bounded number of times; a 404 is an answer (no such map).
/// </summary>
public sealed partial class QuantificationMapClient : IParametricMapSource
{
    public const string HttpClientName = "ampacds-quantification";

    private readonly IHttpClientFactory _httpClients;
    private readonly ServiceTokenSource _tokens;
    private readonly QuantificationClientOptions _options;
    private readonly ILogger<QuantificationMapClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public QuantificationMapClient(IHttpClientFactory httpClients, ServiceTokenSource tokens, IOptions<QuantificationClientOptions> options,
        ILogger<QuantificationMapClient> logger)
    {
        _httpClients = httpClients;
        _tokens = tokens;
        _options = options.Value;
        _logger = logger;
        _pipeline = BuildPipeline(_options);
    }

    public async Task<Volume?> GetAsync(StudyRecord study, ParametricMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var maps = study.Uptake?.Maps;
        // Known absent: no call. Rows stored before maps were recorded fall back to asking for the study's series.
        if (maps is not null && !maps.Has(map))
        {
            return null;
        }
        var series = maps?.MeasuredSeriesUid is { Length: > 0 } measured ? measured : study.SeriesInstanceUid;
        if (string.IsNullOrEmpty(series))
        {
            return null;
        }
        var path = $"api/maps/{Uri.EscapeDataString(study.StudyInstanceUid)}/{Uri.EscapeDataString(series)}/{PathName(map)}";
        using var response = await SendAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            LogRefused(study.StudyInstanceUid, PathName(map), (int)response.StatusCode);
            throw new QuantificationMapException($"Quantification answered HTTP {(int)response.StatusCode} for the {PathName(map)} map of study {study.StudyInstanceUid}");
        }
        return NiftiReader.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        var http = _httpClients.CreateClient(HttpClientName);
        try
        {
            var response = await _pipeline.ExecuteAsync(async token => await SendOnceAsync(http, path, token), cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }
            // A token the issuer no longer honours (keys rotated, restarted local issuer): one fresh token, one more try.
            response.Dispose();
            _tokens.Invalidate();
            return await _pipeline.ExecuteAsync(async token => await SendOnceAsync(http, path, token), cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutException or ServiceTokenException)
        {
            LogUnreachable(path, error.Message);
            throw new QuantificationMapException($"Quantification's map API is not reachable: {error.Message}", error);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(cancellationToken));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/gzip"));
        // A per-attempt deadline of our own: Polly's timeout exception type clashes with Polly 7's, which a dependency brings.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {_options.AttemptTimeout.TotalSeconds:F0} s");
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(QuantificationClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
            });
        }
        return builder.Build();
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string PathName(ParametricMap map) => map switch
    {
        ParametricMap.Suvr => "suvr",
        ParametricMap.Z => "z",
        ParametricMap.Change => "change",
        _ => throw new ArgumentOutOfRangeException(nameof(map), map, null),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quantification refused the {Map} map of study {StudyInstanceUid}: HTTP {Status}")]
    private partial void LogRefused(string studyInstanceUid, string map, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quantification's map API at {Path} is not reachable: {Reason}")]
    private partial void LogUnreachable(string path, string reason);
}
