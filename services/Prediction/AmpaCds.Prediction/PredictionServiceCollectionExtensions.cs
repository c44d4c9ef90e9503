using AmpaCds.Persistence;
using AmpaCds.Persistence.Audit;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Retraining;
using AmpaCds.Prediction.Service;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using AmpaCds.Prediction.Diagnostics;

namespace AmpaCds.Prediction;

public static class PredictionServiceCollectionExtensions
{
    public const string ServiceName = "prediction";

    public static IServiceCollection AddPredictionServices(this IServiceCollection services, IConfiguration configuration)
    {
        // First: its migrator is a hosted service and must run before DefaultModelBootstrap reads ModelVersions.
        services.AddServiceDatabase<PredictionDbContext>(configuration, ServiceName);
        services.AddAuditTrail<PredictionDbContext>(ServiceName);
        services.AddPredictionRepositories();

        services.AddOptions<PredictionOptions>().Bind(configuration.GetSection(PredictionOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PredictionOptions>, PredictionOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PredictionOptions>>().Value;
            var folder = options.RegistryFolder
                ?? Path.Combine(provider.GetRequiredService<IOptions<AmpaCdsOptions>>().Value.ServiceDataFolder(ServiceName), "models");
            // The files are in the shared blob store; the folder is this replica's cache of them.
            var artifacts = new BlobModelArtifacts(provider.GetRequiredService<IBlobStore>(), new ModelRegistry(folder));
            return new ActiveModel(artifacts, provider.GetRequiredService<IModelCatalog>(),
                provider.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(options.ActiveModelRefreshSeconds));
        });
        services.AddSingleton<PredictionMetrics>();
        services.AddHostedService<CalibrationDriftMonitor>();
        services.AddSingleton<ForecastHandler>();
        services.AddSingleton<RetrainingJobs>();
        services.AddHostedService<RetrainingJobRunner>();
        services.AddGrpc();
        services.AddHostedService<DefaultModelBootstrap>();
        return services;
    }

    /// <summary>The repositories over Prediction's database (scoped, with the context) and the catalog singletons use.</summary>
    public static IServiceCollection AddPredictionRepositories(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ForecastRepository>();
        services.TryAddScoped<OutcomeRepository>();
        services.TryAddScoped<ModelVersionRepository>();
        services.TryAddScoped<RetrainingJobRepository>();
        services.TryAddSingleton<IModelCatalog, DatabaseModelCatalog>();
        return services;
    }

    /// <summary>Serves PredictionApi; the host binds it to its HTTP/2 endpoint "Grpc".</summary>
    public static void MapPredictionApi(this IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<PredictionApiService>();

    public static void AddPredictionConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<ForecastConsumer>();
}
