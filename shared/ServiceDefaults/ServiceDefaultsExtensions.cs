using AmpaCds.ServiceDefaults.Health;
using AmpaCds.ServiceDefaults.Storage;
using AmpaCds.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Prometheus;
using Polly.Retry;

namespace AmpaCds.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Name of the Polly pipeline that guards writes to local storage.</summary>
    public const string StorageResilience = "storage";

    /// <summary>What every AmpaCds host needs: options, the clock, blob store, resilience, health checks, metrics.</summary>
    public static IServiceCollection AddServiceDefaults(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<AmpaCdsOptions>()
            .Bind(configuration.GetSection(AmpaCdsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AmpaCdsOptions>, AmpaCdsOptionsValidation>();
        // The one clock of the process; tests replace it with a FakeTimeProvider (docs/CONVENTIONS.md).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBlobStore>(provider =>
            new FileSystemBlobStore(provider.GetRequiredService<IOptions<AmpaCdsOptions>>().Value.BlobRoot));
        services.AddResiliencePipeline(StorageResilience, pipeline => pipeline.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(50),
            BackoffType = DelayBackoffType.Exponential,
        }));
        // Readiness: broker (MassTransit registers its bus check), database (AddServiceDatabase) and disk (here).
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidation>();
        services.AddHealthChecks().AddCheck<DiskSpaceHealthCheck>(DiskSpaceHealthCheck.Name);
        // Meters are created through IMeterFactory and published on /metrics (MapDefaultEndpoints).
        PrometheusExport.EnsureConfigured();
        services.AddMetrics();
        services.AddHostedService<StorageMetrics>();
        services.AddAmpaCdsTelemetry(configuration);
        return services;
    }

    /// <summary>The Prometheus scrape path of every host (docs/OPERATIONS.md, "Metrics").</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// /health/ready checks everything (bus included); /health/live only that the process answers; /metrics is the
    /// Prometheus text exposition. All three are open to anonymous callers (probes, load balancers, the scraper) and
    /// say nothing about patients: metric labels carry statuses, results and model versions, never UIDs or names.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // prometheus-net's default registry publishes every System.Diagnostics.Metrics meter (ours, MassTransit's,
        // the runtime's and ASP.NET Core's) next to its own process metrics.
        app.MapMetrics(MetricsPath).AllowAnonymous();
        return app;
    }
}
