using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.ServiceDefaults.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// Registers MassTransit on the configured transport with the project's retry policy. Each
    /// service adds its consumers through <paramref name="addConsumers"/>; in embedded mode the
    /// callbacks of all four services are given to one bus.
    /// </summary>
    public static IServiceCollection AddAmpaCdsBus(
        this IServiceCollection services,
        IConfiguration configuration,
        params Action<IBusRegistrationConfigurator>[] addConsumers)
    {
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddSingleton(options);
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit reports usage to its vendor over the internet by default; clinical
            // systems make no calls beyond their own network.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            foreach (var add in addConsumers)
            {
                add(bus);
            }

            if (options.UsesRabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                    {
                        host.Username(options.Username);
                        host.Password(options.Password);
                    });
                    ConfigureEndpoints(context, rabbit, options);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => ConfigureEndpoints(context, memory, options));
            }
        });
        return services;
    }

    private static void ConfigureEndpoints<TEndpoint>(
        IBusRegistrationContext context,
        IBusFactoryConfigurator<TEndpoint> bus,
        BusOptions options)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        // Retries cover transient faults (a blob not yet visible, a broker hiccup); what still
        // fails is moved to the endpoint's _error queue by MassTransit, never dropped.
        var intervals = options.RetryIntervalsMs.Select(ms => TimeSpan.FromMilliseconds(ms)).ToArray();
        bus.UseMessageRetry(retry => retry.Intervals(intervals));
        bus.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        // A region the PET field of view missed has no mean (NaN); it must travel, not poison the message.
        bus.ConfigureJsonSerializerOptions(json =>
        {
            json.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
            return json;
        });
        bus.ConfigureEndpoints(context);
    }
}
