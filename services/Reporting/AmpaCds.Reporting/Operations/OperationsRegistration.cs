using AmpaCds.Reporting.Operations.DeadLetters;
using AmpaCds.Security.Access;
using AmpaCds.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Operations;

public static class OperationsRegistration
{
    /// <summary>Dead letters, queue depth gauges and the ops page's sources; RabbitMQ's when the bus runs on it.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperationsOptions>().Bind(configuration.GetSection(OperationsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidation>();
        // The same key MassTransit's transport is chosen by (docs/CONVENTIONS.md: read before the container exists).
        if (BusRegistration.UsesRabbitMq(configuration))
        {
            services.AddSingleton<BrokerConnection>();
            services.AddSingleton<IDeadLetterQueues, RabbitMqDeadLetterQueues>();
        }
        else
        {
            services.AddSingleton<IDeadLetterQueues, InMemoryTransportDeadLetters>();
        }
        services.AddScoped<ServiceReadinessProbe>();
        services.AddScoped<OperationsOverviewSource>();
        // The other services' certificates come from the same site CA as the issuer's (deploy/certs.sh).
        services.AddHttpClient(ServiceReadinessProbe.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(provider => ServiceIdentityRegistration.IssuerHandler(provider.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.AddSingleton<BrokerQueueSampler>();
        services.AddHostedService(provider => provider.GetRequiredService<BrokerQueueSampler>());
        return services;
    }
}
