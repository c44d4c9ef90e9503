using AmpaCds.Reporting.Clients;
using AmpaCds.Security.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmpaCds.Access.Tests;

/// <summary>
/// A calling service's container as the gateway composes it (AddQuantificationMapClient), pointed at the
/// <see cref="SecuredSystem"/>: its issuer and its Quantification map API, both real, on loopback.
/// </summary>
public static class ServiceClients
{
    public static ServiceProvider Build(SecuredSystem system, TimeProvider clock, string secret = SecuredSystem.ServiceSecret)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"] = system.HttpAddress,
            [$"{AuthOptions.Section}:{nameof(AuthOptions.RequireHttpsMetadata)}"] = "false",
            [$"{ServiceIdentityOptions.Section}:{nameof(ServiceIdentityOptions.ClientId)}"] = SecuredSystem.ServiceClient,
            [$"{ServiceIdentityOptions.Section}:{nameof(ServiceIdentityOptions.ClientSecret)}"] = secret,
            [QuantificationClientRegistration.UrlKey] = system.HttpAddress,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddSingleton(clock);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddQuantificationMapClient(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
