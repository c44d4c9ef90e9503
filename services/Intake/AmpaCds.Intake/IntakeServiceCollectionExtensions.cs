using AmpaCds.Intake.Access;
using AmpaCds.Intake.Diagnostics;
using AmpaCds.Intake.DicomWeb;
using AmpaCds.Intake.Dimse;
using AmpaCds.Intake.Import;
using AmpaCds.Intake.Persistence;
using AmpaCds.Intake.Series;
using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Tls;
using AmpaCds.Persistence;
using AmpaCds.Security.Audit;
using AmpaCds.Persistence.Audit;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>Intake's parts: validation and durable storage, series completion, and the DICOM listener.</summary>
    public static IServiceCollection AddIntakeServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidation>();
        // C-FIND takes only the DICOMweb limits; they are the same section as IntakeOptions.DicomWeb
        // (it was unbound before, so a configured MaxResults did not reach C-FIND).
        services.AddOptions<DicomWebOptions>()
            .Bind(configuration.GetSection($"{IntakeOptions.Section}:{nameof(IntakeOptions.DicomWeb)}"))
            .ValidateOnStart();
        // Before the hosted services below: the schema must exist when series recovery reads it.
        services.AddServiceDatabase<IntakeDbContext>(configuration, "intake");
        services.AddAuditTrail<IntakeDbContext>("intake");
        services.AddSingleton<IntakeMetrics>();
        services.AddSingleton<SeriesTracker>();
        services.AddSingleton<SeriesManifestReader>();
        services.AddSingleton<SeriesCompletionHandler>();
        services.AddScoped<SeriesAnnouncer>();
        services.AddSingleton<SeriesDemographicsReader>();
        services.AddSingleton<SeriesCompletionQueue>();
        WrapBlobStoreForReadYourWrites(services);
        services.AddSingleton<DurableInstanceStore>();
        services.AddHealthChecks().AddCheck<InstanceJournalHealthCheck>("intake-journal");
        services.AddSingleton<InstanceIntake>();
        services.AddSingleton<FolderImporter>();
        services.AddSingleton<StudyRootFind>();
        services.AddSingleton<IntakeDicomHandler>();
        services.AddIntakeAccess();
        services.AddIntakeDicomWeb();
        // Before series recovery: instances replayed from the journal must be on disk when it looks.
        services.AddHostedService<InstanceJournalCheckpointer>();
        services.AddHostedService<IncompleteSeriesRecovery>();
        services.AddHostedService<SeriesCompletionPublisher>();
        var listenerEnabled = configuration.GetValue($"{IntakeOptions.Section}:{nameof(IntakeOptions.ListenerEnabled)}", true);
        if (listenerEnabled)
        {
            services.AddSingleton<DicomListenerService>();
            services.AddHostedService(provider => provider.GetRequiredService<DicomListenerService>());
            services.AddHealthChecks().AddCheck<DicomListenerHealthCheck>(DicomListenerHealthCheck.Name);
            AddDicomTls(services);
        }
        return services;
    }

    /// <summary>The TLS port's parts; its listener does nothing unless AmpaCds:Intake:Tls:Enabled.</summary>
    private static void AddDicomTls(IServiceCollection services)
    {
        // A stand-in that logs: the durable audit trail, where the host registers it, replaces it.
        services.TryAddSingleton<IAuditTrail, LoggingAuditTrail>();
        services.AddSingleton<DicomTlsHandshake>();
        services.AddSingleton<DicomTlsListenerService>();
        services.AddHostedService(provider => provider.GetRequiredService<DicomTlsListenerService>());
        services.AddHealthChecks().AddCheck<DicomTlsListenerHealthCheck>("intake-dicom-tls");
    }

    /// <summary>
    /// Every reader in the process (QIDO-RS, WADO-RS, quantification in the embedded mode) must see an
    /// acknowledged instance, whose file the journal writes a moment after the answer: the blob store
    /// registered by AddServiceDefaults is wrapped so reads wait for those files.
    /// </summary>
    private static void WrapBlobStoreForReadYourWrites(IServiceCollection services)
    {
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IBlobStore))
            ?? throw new InvalidOperationException("AddServiceDefaults must be called before AddIntakeServices (Intake needs the blob store).");
        services.Remove(registered);
        services.AddSingleton(provider => new UndecoratedBlobStore(Create(registered, provider)));
        services.AddSingleton<IBlobStore>(provider => new JournalAwareBlobStore(
            provider.GetRequiredService<UndecoratedBlobStore>().Store, provider.GetRequiredService<DurableInstanceStore>()));
    }

    private static IBlobStore Create(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IBlobStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
