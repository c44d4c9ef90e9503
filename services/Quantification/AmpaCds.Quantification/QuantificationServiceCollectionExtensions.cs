using AmpaCds.Quantification.Consumers;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Normative;
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
        services.AddSingleton(_ => string.IsNullOrWhiteSpace(options.AtlasLabelImage)
            ? QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm)
            : QuantificationReference.FromFiles(options.AtlasLabelImage, options.AtlasLabelTable, options.Template, options.AtlasVersion));
        services.AddSingleton(_ => ActiveNormativeDatabase.Load(options.NormativeDatabase));
        services.AddSingleton<StudyQuantifier>();
        services.AddSingleton<PatientResultStore>();
        services.AddSingleton<ParametricMapWriter>();
        services.AddSingleton<FollowUpTracker>();
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
