using AmpaCds.Quantification.Consumers;
using AmpaCds.Quantification.Pipeline;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Quantification;

public static class QuantificationServiceCollectionExtensions
{
    public static IServiceCollection AddQuantificationServices(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(QuantificationOptions.Section).Get<QuantificationOptions>() ?? new QuantificationOptions();
        services.AddSingleton(options);
        // Built once per process: the atlas and template are deterministic and read-only.
        services.AddSingleton(_ => QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm));
        services.AddSingleton<StudyQuantifier>();
        services.AddSingleton<SeriesQuantificationHandler>();
        services.AddHostedService<ReferenceWarmup>();
        return services;
    }

    public static void AddQuantificationConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<QuantifyReceivedSeriesConsumer>();
        bus.AddConsumer<QuantifyRequestedSeriesConsumer>();
    }
}
