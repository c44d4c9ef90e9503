using AmpaCds.Prediction.Service;
using AmpaCds.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddHostedService<DefaultModelBootstrap>();
        return services;
    }

    public static void AddPredictionConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<ForecastConsumer>();
}
