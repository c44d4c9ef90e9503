using AmpaCds.Reporting.Operations;
using AmpaCds.Persistence;
using AmpaCds.Reporting.Access;
using AmpaCds.Persistence.Audit;
using AmpaCds.Reporting.Api;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Clients;
using AmpaCds.Reporting.Consumers;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.PacsOutbox;
using AmpaCds.Reporting.PacsExport;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Portal;
using AmpaCds.Reporting.Research;
using Grpc.AspNetCore.Server;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using AmpaCds.Reporting.Diagnostics;

namespace AmpaCds.Reporting;

public static class ReportingServiceCollectionExtensions
{
    public const string ServiceName = "reporting";

    /// <summary>The gateway's parts: its database (study records, report versions, inbox, outbox), report rendering, the audit record repository and the gRPC APIs.</summary>
    public static IServiceCollection AddReportingServices(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddServiceDatabase<ReportingDbContext>(configuration, ServiceName);
        // The gateway's meters (ReportingMetrics) come from IMeterFactory; also where the gateway is composed without ServiceDefaults (tests).
        services.AddMetrics();
        services.AddAuditTrail<ReportingDbContext>(ServiceName);
        services.AddScoped<AuditRecordRepository>();
        services.AddOptions<AuditSyslogOptions>().Bind(configuration.GetSection(AuditSyslogOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditSyslogOptions>, AuditSyslogOptionsValidation>();
        services.AddSingleton<SyslogTlsSender>();
        services.AddSingleton<AuditSyslogForwarder>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditSyslogForwarder>());
        services.AddSingleton<StudyStageNotifications>();
        services.AddSingleton<CareTeamAccess>();
        services.AddScoped<StudyRepository>();
        services.AddSingleton<ReportingMetrics>();
        services.AddScoped<ReportPublisher>();
        services.AddScoped<ArchivedReport>();
        services.AddReportingPortal(configuration);
        services.AddScoped<StudyEventHandler>();
        AddReportFigures(services);
        AddPacsDelivery(services, configuration);
        services.AddOperations(configuration);
        services.AddScoped<ResearchAnalysisStore>();
        // A published analysis carries its plots: above gRPC's default 4 MB, so the size limits answer rather than the transport.
        // PostConfigure, because the per-service options are first copied from the global ones wherever AddGrpc is called.
        services.PostConfigure<GrpcServiceOptions<ResearchApiService>>(options => options.MaxReceiveMessageSize = ResearchLimits.MaxRequestBytes);
        // Read before the container exists because it decides what is registered (docs/CONVENTIONS.md, "Options").
        if (!string.IsNullOrWhiteSpace(configuration[QuantificationClientRegistration.UrlKey]))
        {
            services.AddQuantificationMapClient(configuration);
        }
        services.TryAddSingleton<IParametricMapSource, NoParametricMaps>();
        return services;
    }

    /// <summary>
    /// The report figures. Scoped, because the map source (registered with Quantification's client) may be; the atlas
    /// and the table of renders in flight are per process. No IParametricMapSource is registered here.
    /// </summary>
    private static void AddReportFigures(IServiceCollection services)
    {
        services.AddSingleton<FigureAtlas>();
        services.AddSingleton<FigureRenderCoordinator>();
        services.AddScoped<ReportFigureRenderer>();
        services.AddScoped<IReportFigures, ReportFigureStore>();
    }

    /// <summary>Results back into the PACS: the objects of each report version, planned with it and sent by a background worker.</summary>
    private static void AddPacsDelivery(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<PacsOptions>().Bind(configuration.GetSection(PacsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PacsOptions>, PacsOptionsValidation>();
        services.AddScoped<PacsDeliveryPlanner>();
        services.AddScoped<PacsObjectBuilder>();
        services.AddScoped<PacsObjectCache>();
        services.AddScoped<PacsDestinationSender>();
        services.AddScoped<PacsDeliveryQuery>();
        services.AddScoped<PacsDeliveryReplay>();
        services.AddSingleton<PacsDeliveryWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<PacsDeliveryWorker>());
    }

    public static void AddReportingConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ReportingSeriesReceivedConsumer>();
        bus.AddConsumer<ReportingDemographicsConsumer>();
        bus.AddConsumer<ReportingUptakeMeasuredConsumer>();
        bus.AddConsumer<ReportingForecastIssuedConsumer>();
        bus.AddConsumer<ReportingPipelineFailureConsumer>();
        bus.AddConsumer<AuditEventRecordedConsumer>();
    }

    public static WebApplication MapReportingApi(this WebApplication app)
    {
        app.MapGrpcService<ReportingApiService>();
        app.MapGrpcService<AuditApiService>();
        app.MapGrpcService<OperationsApiService>();
        app.MapGrpcService<ResearchApiService>();
        return app;
    }
}
