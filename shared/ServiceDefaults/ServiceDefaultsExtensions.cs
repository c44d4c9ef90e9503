using AmpaCds.ServiceDefaults.Storage;
using AmpaCds.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AmpaCds.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Name of the Polly pipeline that guards writes to local storage.</summary>
    public const string StorageResilience = "storage";

    /// <summary>What every AmpaCds host needs: options, the clock, blob store, resilience, health checks.</summary>
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
        services.AddHealthChecks();
        services.AddAmpaCdsTelemetry(configuration);
        return services;
    }

    /// <summary>
    /// /health/ready checks everything (bus included); /health/live only that the process answers. Both are
    /// open to anonymous callers (probes, load balancers) and say nothing about patients.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        return app;
    }
}
