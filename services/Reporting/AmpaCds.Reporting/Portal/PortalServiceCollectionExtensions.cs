using AmpaCds.Reporting.Outcomes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The portal's pages, exports and the Prediction client for outcomes; sign-in is added by the host with the portal authentication.</summary>
    public static IServiceCollection AddReportingPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAntiforgery();
        services.AddOptions<PredictionClientOptions>().Bind(configuration.GetSection(PredictionClientOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PredictionClientOptions>, PredictionClientOptionsValidation>();
        services.AddSingleton<OutcomeRecorder>();
        services.AddScoped<PortalRenderer>();
        services.AddScoped<PortalStudies>();
        services.AddScoped<PortalPages>();
        services.AddScoped<OpsPages>();
        services.AddScoped<ResearchPages>();
        services.AddScoped<PortalForms>();
        services.AddScoped<PortalEvents>();
        services.AddScoped<ReportExport>();
        services.AddSingleton<PortalPageContexts>();
        return services;
    }
}
