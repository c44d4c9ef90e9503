using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Persistence.Audit;
using AmpaCds.Quantification.Consumers;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Maps;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Persistence;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Persistence;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AmpaCds.Quantification.Diagnostics;

namespace AmpaCds.Quantification;

public static class QuantificationServiceCollectionExtensions
{
    public static IServiceCollection AddQuantificationServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QuantificationOptions>()
            .Bind(configuration.GetSection(QuantificationOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuantificationOptions>, QuantificationOptionsValidation>();
        services.AddSingleton<IValidateOptions<QuantificationOptions>, PatientKeySecretValidation>();
        // The pipeline's parts take the validated value: the CLI and the tests build them without a container.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<QuantificationOptions>>().Value);
        // Built once per process: the atlas and template are deterministic and read-only.
        services.AddSingleton(provider => CreateReference(provider.GetRequiredService<QuantificationOptions>()));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<QuantificationOptions>();
            return ActiveNormativeDatabase.Load(options.NormativeDatabase, PartialVolumeMethods.Parse(options.PartialVolume.Method));
        });
        services.AddSingleton<StudyQuantifier>();
        services.AddSingleton<ParametricMapWriter>();
        services.AddSingleton<ParametricMapStore>();
        // Before the bus (the callers add it after this): the schema exists before the first message.
        services.AddServiceDatabase<QuantificationDbContext>(configuration, "quantification");
        // Maps read over the API and refused callers of its endpoints are audited.
        services.AddAuditTrail<QuantificationDbContext>("quantification");
        // Scoped with the consumer's DbContext, so their rows commit with the inbox row.
        services.AddScoped<StudyResultRepository>();
        services.AddScoped<FollowUpTracker>();
        services.AddSingleton<QuantificationMetrics>();
        services.AddScoped<SeriesQuantificationHandler>();
        services.AddHostedService<ReferenceWarmup>();
        return services;
    }

    private static QuantificationReference CreateReference(QuantificationOptions options) =>
        string.IsNullOrWhiteSpace(options.AtlasLabelImage)
            ? QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm)
            : QuantificationReference.FromFiles(options.AtlasLabelImage, options.AtlasLabelTable, options.Template, options.AtlasVersion);

    public static void AddQuantificationConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<QuantifyReceivedSeriesConsumer>();
        bus.AddConsumer<QuantifyRequestedSeriesConsumer>();
    }
}
