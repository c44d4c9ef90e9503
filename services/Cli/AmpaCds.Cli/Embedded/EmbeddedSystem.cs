using AmpaCds.Intake;
using AmpaCds.Prediction;
using AmpaCds.Prediction.Service;
using AmpaCds.Quantification;
using AmpaCds.Reporting;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Cli.Embedded;

/// <summary>
/// The embedded shape: the same four services' code in one process on MassTransit's in-memory
/// transport with local folders. Only the composition differs from the distributed hosts.
/// </summary>
public static class EmbeddedSystem
{
    public static IDictionary<string, string?> Settings(string dataRoot, bool dicomListener, int dicomPort = 11112) =>
        new Dictionary<string, string?>
        {
            [$"{AmpaCdsOptions.Section}:{nameof(AmpaCdsOptions.DataRoot)}"] = Path.GetFullPath(dataRoot),
            [$"{BusOptions.Section}:{nameof(BusOptions.Transport)}"] = "InMemory",
            [$"{IntakeOptions.Section}:{nameof(IntakeOptions.ListenerEnabled)}"] = dicomListener.ToString(),
            [$"{IntakeOptions.Section}:{nameof(IntakeOptions.Port)}"] = dicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>
    /// The gateway's own issuer on the loopback HTTP port, trusted by every service of the process; plain
    /// HTTP metadata is allowed because the embedded shape runs as Development on loopback only.
    /// </summary>
    public static IDictionary<string, string?> LocalIssuerSettings(int httpPort)
    {
        var issuer = $"http://127.0.0.1:{httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return new Dictionary<string, string?>
        {
            [LocalIssuerOptions.EnabledKey] = "true",
            [$"{LocalIssuerOptions.Section}:{nameof(LocalIssuerOptions.Issuer)}"] = issuer,
            [$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"] = issuer,
            [$"{AuthOptions.Section}:{nameof(AuthOptions.RequireHttpsMetadata)}"] = "false",
            // The portal beside the issuer, as a public client (PKCE, no secret on one machine): the issuer registers
            // http://127.0.0.1:{port}/signin-oidc as its only redirect URI.
            [$"{PortalOptions.Section}:{nameof(PortalOptions.PublicOrigins)}:0"] = issuer,
        };
    }

    public static IServiceCollection AddAllServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        services.AddQuantificationServices(configuration);
        services.AddPredictionServices(configuration);
        // One process, one configuration: unless Prediction's own key is set, it installs the shipped model for the
        // correction Quantification measures with, so AmpaCds:Quantification:PartialVolume:Method=gtm alone switches both.
        var predictionKey = $"{PredictionOptions.Section}:{nameof(PredictionOptions.PartialVolumeMethod)}";
        services.AddOptions<PredictionOptions>().PostConfigure<QuantificationOptions>((prediction, quantification) =>
        {
            if (string.IsNullOrWhiteSpace(configuration[predictionKey]))
            {
                prediction.PartialVolumeMethod = quantification.PartialVolume.Method;
            }
        });
        services.AddReportingServices(configuration);
        // One process: the gateway asks Quantification's map store directly (InProcessParametricMapSource says why).
        services.AddSingleton<IParametricMapSource, InProcessParametricMapSource>();
        services.AddAmpaCdsBus(configuration,
            QuantificationServiceCollectionExtensions.AddQuantificationConsumers,
            PredictionServiceCollectionExtensions.AddPredictionConsumers,
            ReportingServiceCollectionExtensions.AddReportingConsumers);
        return services;
    }
}
