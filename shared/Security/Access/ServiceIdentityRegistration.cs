using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Access;

public static class ServiceIdentityRegistration
{
    /// <summary>
    /// This service's client-credential identity (<see cref="ServiceIdentityOptions"/>) and its token source. The issuer
    /// is the one <see cref="AuthOptions"/> names, trusted through its private CA when one is configured.
    /// </summary>
    public static IServiceCollection AddServiceIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceIdentityOptions>()
            .Bind(configuration.GetSection(ServiceIdentityOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceIdentityOptions>, ServiceIdentityOptionsValidation>();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddHttpClient(ServiceTokenSource.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(provider => IssuerHandler(provider.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.AddSingleton<ServiceTokenSource>();
        return services;
    }

    /// <summary>The handler for calls to the issuer or to another service whose certificate the same private CA signed.</summary>
    public static HttpMessageHandler IssuerHandler(AuthOptions auth) =>
        auth.AuthorityCaCertificatePath is { Length: > 0 } ca ? PrivateCaTrust.Handler(ca) : new SocketsHttpHandler();
}
