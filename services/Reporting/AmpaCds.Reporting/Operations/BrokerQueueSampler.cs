using System.Diagnostics.Metrics;
using AmpaCds.Reporting.Operations.DeadLetters;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Operations;

/// <summary>
/// Reads every consumer queue's depth and dead-letter count on a timer and publishes them as gauges (meter
/// "AmpaCds.Broker": ampacds_broker_queue_messages, ampacds_broker_queue_consumers, ampacds_broker_dead_letters, each by
/// queue), so the dead-letter alert sees messages waiting in _error, not only faults as they happen. The ops page reads
/// the same snapshot. Nothing is published on the in-memory bus, which has no readable queues.
/// </summary>
public sealed partial class BrokerQueueSampler : BackgroundService
{
    public const string MeterName = "AmpaCds.Broker";

    private readonly IDeadLetterQueues _queues;
    private readonly IOptions<OperationsOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<BrokerQueueSampler> _logger;
    private volatile BrokerSnapshot _latest = BrokerSnapshot.None;

    public BrokerQueueSampler(IDeadLetterQueues queues, IOptions<OperationsOptions> options, TimeProvider clock, IMeterFactory meters, ILogger<BrokerQueueSampler> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (_queues, _options, _clock, _logger) = (queues, options, clock, logger);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("queue_messages", () => Measure(depth => depth.Ready), "{message}", "Messages ready in a consumer queue");
        meter.CreateObservableGauge("queue_consumers", () => Measure(depth => depth.Consumers), "{consumer}", "Consumers attached to a consumer queue");
        meter.CreateObservableGauge("dead_letters", () => Measure(depth => depth.DeadLetters), "{message}",
            "Messages in a consumer queue's _error queue (failed after every retry; ampacds ops dead-letters list|replay)");
    }

    /// <summary>The last sample (empty before the first, or on the in-memory bus).</summary>
    public BrokerSnapshot Latest => _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_queues is InMemoryTransportDeadLetters)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.Value.QueueSampleSeconds), _clock);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            _latest = new BrokerSnapshot(await _queues.DepthsAsync(cancellationToken), _clock.GetUtcNow(), null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The broker being away is what the service-down and readiness checks report; the gauges keep their last value.
            LogSampleFailed(error.GetType().Name, error.Message);
            _latest = _latest with { Error = error.Message };
        }
    }

    private IEnumerable<Measurement<long>> Measure(Func<QueueDepth, long> value) =>
        _latest.Queues.Select(depth => new Measurement<long>(value(depth), new KeyValuePair<string, object?>("queue", depth.Queue)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue depths could not be read from the broker: {ErrorType}: {Reason}")]
    private partial void LogSampleFailed(string errorType, string reason);
}
