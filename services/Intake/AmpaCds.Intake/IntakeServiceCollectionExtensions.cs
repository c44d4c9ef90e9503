using AmpaCds.Intake.Access;
using AmpaCds.Intake.DicomWeb;
using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Import;
using AmpaCds.Intake.Series;
using AmpaCds.Intake.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AmpaCds.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>Intake's parts: validation and durable storage, series completion, and the DICOM listener.</summary>
    public static IServiceCollection AddIntakeServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SeriesTracker>();
        services.AddSingleton<SeriesCompletionQueue>();
        services.AddSingleton<InstanceIntake>();
        services.AddSingleton<FolderImporter>();
        services.AddSingleton<IntakeDicomHandler>();
        services.AddIntakeAccess();
        services.AddIntakeDicomWeb();
        services.AddHostedService<IncompleteSeriesRecovery>();
        services.AddHostedService<SeriesCompletionPublisher>();
        var listenerEnabled = configuration.GetValue($"{IntakeOptions.Section}:{nameof(IntakeOptions.ListenerEnabled)}", true);
        if (listenerEnabled)
        {
            services.AddSingleton<DicomListenerService>();
            services.AddHostedService(provider => provider.GetRequiredService<DicomListenerService>());
        }
        return services;
    }
}
