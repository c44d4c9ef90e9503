using AmpaCds.Prediction.Outcomes;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Retraining;
using AmpaCds.Prediction.Service;
using AmpaCds.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AmpaCds.Prediction;

public static class PredictionServiceCollectionExtensions
{
    public const string ServiceName = "prediction";

    public static IServiceCollection AddPredictionServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PredictionOptions>().Bind(configuration.GetSection(PredictionOptions.Section));
        services.AddSingleton(provider =>
        {
            var folder = provider.GetRequiredService<IOptions<PredictionOptions>>().Value.RegistryFolder
                ?? Path.Combine(provider.GetRequiredService<IOptions<AmpaCdsOptions>>().Value.ServiceDataFolder(ServiceName), "models");
            return new ActiveModel(new ModelRegistry(folder));
        });
        services.AddSingleton(provider =>
        {
            var folder = provider.GetRequiredService<IOptions<PredictionOptions>>().Value.OutcomesFolder
                ?? Path.Combine(provider.GetRequiredService<IOptions<AmpaCdsOptions>>().Value.ServiceDataFolder(ServiceName), "outcomes");
            return new OutcomeStore(folder);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetrainingJobs>();
        services.AddHostedService<RetrainingJobRunner>();
        services.AddGrpc();
        services.AddHostedService<DefaultModelBootstrap>();
        return services;
    }

    /// <summary>Serves PredictionApi; the host binds it to its HTTP/2 endpoint "Grpc".</summary>
    public static void MapPredictionApi(this IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<PredictionApiService>();

    public static void AddPredictionConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<ForecastConsumer>();
}
