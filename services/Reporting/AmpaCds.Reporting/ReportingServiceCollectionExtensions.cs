using AmpaCds.Persistence;
using AmpaCds.Reporting.Access;
using AmpaCds.Reporting.Api;
using AmpaCds.Reporting.Consumers;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Reporting;

public static class ReportingServiceCollectionExtensions
{
    public const string ServiceName = "reporting";

    /// <summary>The gateway's parts: its database (study records, report versions, inbox, outbox), report rendering and the gRPC API.</summary>
    public static IServiceCollection AddReportingServices(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddServiceDatabase<ReportingDbContext>(configuration, ServiceName);
        services.AddSingleton<StudyStageNotifications>();
        services.AddSingleton<CareTeamAccess>();
        services.AddScoped<StudyRepository>();
        services.AddScoped<ReportPublisher>();
        services.AddScoped<StudyEventHandler>();
        return services;
    }

    public static void AddReportingConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ReportingSeriesReceivedConsumer>();
        bus.AddConsumer<ReportingDemographicsConsumer>();
        bus.AddConsumer<ReportingUptakeMeasuredConsumer>();
        bus.AddConsumer<ReportingForecastIssuedConsumer>();
        bus.AddConsumer<ReportingPipelineFailureConsumer>();
    }

    public static WebApplication MapReportingApi(this WebApplication app)
    {
        app.MapGrpcService<ReportingApiService>();
        return app;
    }
}
