using AmpaCds.Reporting.Api;
using AmpaCds.Reporting.Consumers;
using AmpaCds.Reporting.Studies;
using AmpaCds.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting;

public static class ReportingServiceCollectionExtensions
{
    public const string ServiceName = "reporting";

    /// <summary>The gateway's parts: study records, report rendering and the gRPC API.</summary>
    public static IServiceCollection AddReportingServices(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddSingleton(provider => new StudyRecordStore(Path.Combine(
            provider.GetRequiredService<IOptions<AmpaCdsOptions>>().Value.ServiceDataFolder(ServiceName), "studies")));
        services.AddSingleton<ReportPublisher>();
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
