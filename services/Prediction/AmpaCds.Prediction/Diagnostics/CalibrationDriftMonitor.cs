using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Prediction.Diagnostics;

/// <summary>
/// Recomputes the calibration drift report (the one GetCalibration answers) every
/// AmpaCds:Prediction:CalibrationCheckSeconds for the drift gauge: a scrape must not query the database.
/// </summary>
public sealed partial class CalibrationDriftMonitor(
    IServiceScopeFactory scopes,
    PredictionMetrics metrics,
    IOptions<PredictionOptions> options,
    TimeProvider clock,
    ILogger<CalibrationDriftMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.CalibrationCheckSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is away for now; the gauge keeps its last values and the next round tries again.
                LogCheckFailed(exception);
                await Task.Delay(interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One check; public for tests.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcomes = scope.ServiceProvider.GetRequiredService<OutcomeRepository>();
        metrics.DriftChecked(CalibrationDriftReport.From(await outcomes.PairsAsync(cancellationToken)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The calibration drift check failed; the next round tries again")]
    private partial void LogCheckFailed(Exception exception);
}
