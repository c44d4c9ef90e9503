using AmpaCds.Reporting.Figures;
using AmpaCds.Security.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Clients;

public static class QuantificationClientRegistration
{
    public static readonly string UrlKey = $"{QuantificationClientOptions.Section}:{nameof(QuantificationClientOptions.QuantificationUrl)}";

    /// <summary>
    /// The map client with this service's identity, when Quantification's URL is configured (the distributed shape).
    /// The embedded CLI registers its in-process source instead and leaves the URL empty.
    /// </summary>
    public static IServiceCollection AddQuantificationMapClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QuantificationClientOptions>()
            .Bind(configuration.GetSection(QuantificationClientOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuantificationClientOptions>, QuantificationClientOptionsValidation>();
        services.AddServiceIdentity(configuration);
        // Quantification's certificate comes from the same site CA as the issuer's (deploy/certs.sh).
        services.AddHttpClient(QuantificationMapClient.HttpClientName, (provider, http) =>
            {
                var url = provider.GetRequiredService<IOptions<QuantificationClientOptions>>().Value.QuantificationUrl;
                http.BaseAddress = new Uri(url.TrimEnd('/') + "/");
                // The pipeline's per-attempt timeout governs; this only stops a call the pipeline somehow left running.
                http.Timeout = TimeSpan.FromMinutes(5);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => ServiceIdentityRegistration.IssuerHandler(provider.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.AddSingleton<IParametricMapSource, QuantificationMapClient>();
        return services;
    }
}
